package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.internal.FormalooLineage;
import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListQuery;
import io.formaloo.beam.io.read.ListReadException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each query's list whole with a {@link ListCursor}, the records out as they arrive, each
 * once (unless the read keeps repeats). A splittable DoFn whose restriction is the cursor's steps
 * (see {@link CursorRestriction}): runners may checkpoint it, and the cursor goes on in the next
 * bundle where it stopped, so a bundle's output stays small however long the list. What cannot be
 * read — an item that does not map onto the model, a page that failed after the retries, a list
 * that grows too fast — goes to the failure output as a {@link BadRecord} naming the query and the
 * page, or, when the read has no error handler, fails the read with that message.
 *
 * <p>A query is read by one worker, in one call: the cursor's proof that nothing was missed chains
 * every page to the one before it, which parts of a list read on different workers at different
 * times cannot be. Parallelism comes from the pages the cursor keeps in flight while the list is
 * still, and from reading many queries (days of activities) on many workers.
 */
@DoFn.BoundedPerElement
final class ReadListFn<T> extends DoFn<ListQuery<T>, T> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadListFn.class);
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  /**
   * The cursors of the reads going on in this JVM, by session: a checkpointed read's rest finds its
   * cursor here, whichever instance of this DoFn takes it.
   */
  private static final Map<String, ListCursor<?>> CURSORS = new ConcurrentHashMap<>();

  /**
   * A batch is at most this many pages, or {@link #BATCH_PAGES_PER_REQUEST_IN_FLIGHT} times the
   * pages in flight if that is more. Its pages are held until the batch is proven, so this bounds a
   * read's memory: batches of 256 pages of 100 customers (32 in flight, 8 times as many) ran a
   * 100,000-customer read out of a 256 MB heap in 2 runs of 4 (LargeReadInSmallHeapTest).
   */
  static final int MAX_BATCH_PAGES = 128;

  static final int BATCH_PAGES_PER_REQUEST_IN_FLIGHT = 4;

  /** How often a run of pages looks whether a request started to wait out a Retry-After. */
  private static final long SLOT_CHECK_MILLIS = 20;

  private final String clientKey;
  private final FormalooConfig config;
  private final ReadOptions options;
  private final TupleTag<T> records;
  private final @Nullable TupleTag<BadRecord> failures;
  private final RecordKeys<T> keys = new RecordKeys<>();
  private transient @Nullable FormalooClient client;
  private transient @Nullable ExecutorService pool;
  private transient ReadMetrics metrics;

  /**
   * {@code clientKey}: see {@link ReadClients}; {@code failures}: null when the read has no error
   * handler, so that what cannot be read fails it.
   */
  ReadListFn(
      String clientKey,
      FormalooConfig config,
      ReadOptions options,
      TupleTag<T> records,
      @Nullable TupleTag<BadRecord> failures) {
    this.clientKey = clientKey;
    this.config = config;
    this.options = options;
    this.records = records;
    this.failures = failures;
  }

  @Setup
  public void setup() {
    client = ReadClients.acquire(clientKey, config);
    metrics = new ReadMetrics();
    int poolNumber = POOL_NUMBER.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            // twice: as many again may go while requests wait out a Retry-After
            2 * options.maxConcurrentPageRequests(),
            r -> {
              Thread t =
                  new Thread(
                      r, "formaloo-read-" + poolNumber + "-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @GetInitialRestriction
  public CursorRestriction initialRestriction(@Element ListQuery<T> query) {
    return CursorRestriction.start();
  }

  @NewTracker
  public CursorTracker newTracker(@Restriction CursorRestriction restriction) {
    return new CursorTracker(restriction);
  }

  @GetRestrictionCoder
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Coder<CursorRestriction> restrictionCoder() {
    return (Coder) SerializableCoder.of(CursorRestriction.class);
  }

  /** A list's size is not known before it is read: every read weighs the same. */
  @GetSize
  public double size(@Restriction CursorRestriction restriction) {
    return 1;
  }

  @ProcessElement
  public ProcessContinuation process(
      @Element ListQuery<T> query,
      RestrictionTracker<CursorRestriction, Long> tracker,
      MultiOutputReceiver out) {
    FormalooLineage.reportSource(config, query.endpoint());
    CursorRestriction restriction = tracker.currentRestriction();
    ListCursor<T> cursor = cursorFor(query, restriction);
    cursor.bind(new ClientPages(query), sink(query, out));
    try {
      while (tracker.tryClaim(cursor.steps())) {
        if (!cursor.advance()) {
          // Done: the rest of the restriction is claimed, unless a checkpoint took it just now,
          // in which case the rest finds the cursor done.
          if (tracker.tryClaim(Long.MAX_VALUE - 1)) {
            CURSORS.remove(restriction.session);
          }
          return ProcessContinuation.stop();
        }
      }
      return ProcessContinuation.stop(); // checkpointed: the rest goes on with this cursor
    } catch (ListGrowsTooFastException e) {
      CURSORS.remove(restriction.session);
      fail(out, query, null, "LIST_GROWS_TOO_FAST", e.getMessage(), e);
      tracker.tryClaim(Long.MAX_VALUE - 1);
      return ProcessContinuation.stop();
    } catch (RuntimeException e) {
      // The runner retries the bundle from its restriction: the cursor does not match it now.
      CURSORS.remove(restriction.session);
      throw e;
    }
  }

  /**
   * The cursor that did this read's steps before {@code restriction}, or a new one. A rest that
   * finds none (it runs in another JVM, or a failed bundle before it dropped it) reads the list
   * again from page 1: nothing is missed, but records read before come out again.
   */
  @SuppressWarnings("unchecked")
  private ListCursor<T> cursorFor(ListQuery<T> query, CursorRestriction restriction) {
    ListCursor<T> cursor = (ListCursor<T>) CURSORS.get(restriction.session);
    if (cursor != null && cursor.steps() == restriction.from) {
      return cursor;
    }
    if (restriction.from > 0) {
      LOG.warn(
          "{}: the read goes on without the state it had ({}); reading the list again from page"
              + " 1, so records read before may come out twice",
          query,
          cursor == null ? "it ran in another process" : "its bundle was retried");
    }
    int maxBatch =
        Math.max(
            MAX_BATCH_PAGES,
            options.maxConcurrentPageRequests() * BATCH_PAGES_PER_REQUEST_IN_FLIGHT);
    cursor = new ListCursor<>(query, null, null, maxBatch, maxReadAhead(maxBatch), metrics);
    CURSORS.put(restriction.session, cursor);
    metrics.queries.inc();
    return cursor;
  }

  /**
   * Pages read on past a batch while one of its requests waits out a {@code Retry-After}: as many
   * records as a batch of full default pages holds (its memory), at least a batch. With pages of 10
   * at 200 requests/s, a batch's worth of pages (128) was read in 0.6 s of a 1 s {@code
   * Retry-After}, and the read idled out the rest after every 429.
   */
  private int maxReadAhead(int maxBatch) {
    Integer pageSize = options.pageSize();
    int pagesPerDefaultPage =
        pageSize == null ? 1 : Math.max(1, ReadOptions.DEFAULT_PAGE_SIZE / pageSize);
    return maxBatch * pagesPerDefaultPage;
  }

  private ListCursor.Sink<T> sink(ListQuery<T> query, MultiOutputReceiver out) {
    return new ListCursor.Sink<T>() {
      @Override
      public void record(T record, boolean firstTime) {
        if (firstTime || !options.deduplicate()) {
          out.get(records).output(record);
          metrics.records.inc();
        } else {
          metrics.repeatedRecords.inc();
        }
      }

      @Override
      public void unreadable(long page, String json, String reason) {
        fail(
            out,
            query,
            json,
            "UNREADABLE_RECORD",
            "page " + page + ": a record that does not map onto the model: " + reason,
            null);
      }

      @Override
      public void failedPage(long page, FormalooException failure) {
        fail(
            out,
            query,
            null,
            failure.kind().name(),
            "page "
                + page
                + " failed after the retries, so its records were not read: "
                + failure.getMessage(),
            failure);
      }
    };
  }

  private void fail(
      MultiOutputReceiver out,
      ListQuery<T> query,
      @Nullable String json,
      String kind,
      String what,
      @Nullable Exception cause) {
    String message = "FormalooIO read of " + query + ": " + what;
    if (failures == null) {
      if (cause instanceof ListReadException) {
        throw (ListReadException) cause;
      }
      throw new ListReadException(
          message + ". Give the read withErrorHandler(...) to collect these and read on.", cause);
    }
    BadRecord.Record.Builder record = BadRecord.Record.builder();
    record.setHumanReadableJsonRecord(json != null ? json : "{\"query\": \"" + query + "\"}");
    out.get(failures)
        .output(
            BadRecord.builder()
                .setRecord(record.build())
                .setFailure(
                    BadRecord.Failure.builder().setException(kind).setDescription(message).build())
                .build());
  }

  /** Pages of one query through the shared client; concurrent ones on this instance's pool. */
  private final class ClientPages implements ListCursor.Pages<T> {
    private final ListQuery<T> query;

    ClientPages(ListQuery<T> query) {
      this.query = query;
    }

    @Override
    public PageAnswer<T> fetch(long number) {
      try {
        return PageAnswer.of(
            number,
            client.listPageItems(
                query.endpoint(), query.filters(), Math.toIntExact(number), options.pageSize()),
            keys);
      } catch (FormalooException e) {
        if (e.kind() == ErrorKind.CONFIGURATION) {
          throw e; // no page of this read can succeed: fail early, as the writes do
        }
        return PageAnswer.failed(number, e);
      }
    }

    private PageAnswer<T> fetchCounted(long number, @Nullable MetricsContainer metrics)
        throws Exception {
      if (metrics == null) {
        return fetch(number);
      }
      try (AutoCloseable scope = MetricsEnvironment.scopedMetricsContainer(metrics)) {
        return fetch(number);
      }
    }

    @Override
    public List<PageAnswer<T>> fetchRun(long first, long required, long most) {
      int base = (int) Math.min(options.maxConcurrentPageRequests(), required - first + 1);
      // The pool's threads are not the runner's: they count into this element's metrics, or the
      // client's request counters would be lost (Beam logs "Unable to update metrics").
      @Nullable MetricsContainer metrics = MetricsEnvironment.getCurrentContainer();
      CompletionService<PageAnswer<T>> done = new ExecutorCompletionService<>(pool);
      List<Future<PageAnswer<T>>> inFlight = new ArrayList<>();
      Map<Long, PageAnswer<T>> answers = new HashMap<>();
      long next = first;
      int out = 0;
      long requiredIn = 0;
      try {
        while (true) {
          // A request waiting out a Retry-After or a backoff sends nothing: others may go
          // meanwhile, the batch's own pages first, then the pages after it while one of the
          // batch's is still out. (Not without such a wait: pages past a batch that finds the list
          // changed are wasted, and a list changing now and then would pay for them.)
          int waiting = client.requestsWaitingToRetry();
          int slots = base + Math.min(base, waiting);
          while (out < slots
              && (next <= required
                  || (waiting > 0 && next <= most && requiredIn <= required - first))) {
            long number = next++;
            inFlight.add(done.submit(() -> fetchCounted(number, metrics)));
            out++;
          }
          if (out == 0) {
            break;
          }
          // Polled, not taken: a slot that frees when a request starts to wait is seen soon.
          Future<PageAnswer<T>> answered = done.poll(SLOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
          if (answered == null) {
            continue;
          }
          PageAnswer<T> answer = answered.get();
          out--;
          answers.put(answer.number, answer);
          if (answer.number <= required) {
            requiredIn++;
          }
        }
      } catch (InterruptedException e) {
        inFlight.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + query, e);
      } catch (ExecutionException e) {
        inFlight.forEach(f -> f.cancel(true));
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IllegalStateException(cause);
      }
      List<PageAnswer<T>> run = new ArrayList<>(answers.size());
      for (long number = first; number < next; number++) {
        run.add(answers.get(number));
      }
      return run;
    }
  }

  @Teardown
  public void teardown() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (client != null) {
      ReadClients.release(clientKey);
      client = null;
    }
  }
}
