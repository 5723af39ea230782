package io.formaloo.beam.io.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Page;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A splittable DoFn over a chunk of the pages of a planned query: the restriction is the chunk's
 * range of page numbers. Chunks are spread across workers (the read reshuffles them); a runner
 * sizes each by its records and can split a running one (dynamic work rebalancing) or checkpoint
 * it, after the pages already asked for (see {@link ChunkTracker}). Each claimed page is fetched
 * and its records emitted, with a bounded number of the next pages fetched ahead.
 *
 * <p><b>Lists that change while they are read.</b> Page-number pagination shifts records between
 * pages when records are inserted or deleted during the read. Every page answer carries the list's
 * current {@code count}, and this reader compares it with the count it last saw:
 *
 * <ul>
 *   <li>the list shrank by {@code d}: up to {@code d} records may have slid from this page into
 *       earlier ones, so the {@code ceil(d / pageSize)} pages before it are read again;
 *   <li>the list grew by {@code g} since it was planned: records may have slid past the end of this
 *       chunk, so when the chunk is done the {@code ceil(g / pageSize)} pages after it are read
 *       too;
 *   <li>the chunk that ends at the planned last page follows {@code next} beyond it, so pages that
 *       did not exist when the read was planned are read; an empty page or a 404 "Invalid page."
 *       ends the list cleanly.
 * </ul>
 *
 * Records read twice this way are removed by the read's deduplication (on by default).
 */
@DoFn.BoundedPerElement
final class ReadPagesFn<T> extends DoFn<PageChunk<T>, List<T>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ReadPagesFn.class);
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  /** Pages a read follows past its planned end at least, before it suspects endless growth. */
  private static final long MIN_TAIL_PAGES = 100;

  private final String clientKey;
  private final FormalooConfig config;
  private final int maxInFlight;
  private transient @Nullable FormalooClient client;
  private transient @Nullable ExecutorService pool;
  private transient ReadMetrics metrics;

  /** {@code clientKey}: see {@link ReadClients}. */
  ReadPagesFn(String clientKey, FormalooConfig config, int maxInFlight) {
    this.clientKey = clientKey;
    this.config = config;
    this.maxInFlight = maxInFlight;
  }

  @Setup
  public void setup() {
    client = ReadClients.acquire(clientKey, config);
    metrics = new ReadMetrics();
    int poolNumber = POOL_NUMBER.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            maxInFlight,
            r -> {
              Thread t =
                  new Thread(
                      r, "formaloo-read-" + poolNumber + "-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @GetInitialRestriction
  public OffsetRange initialRestriction(@Element PageChunk<T> chunk) {
    return new OffsetRange(chunk.fromPage, chunk.toPage);
  }

  @NewTracker
  public ChunkTracker newTracker(@Restriction OffsetRange pages) {
    return new ChunkTracker(pages, maxInFlight);
  }

  /** The records a range of pages holds, as planned: what runners balance work by. */
  @GetSize
  public double size(@Element PageChunk<T> chunk, @Restriction OffsetRange pages) {
    return (double) (pages.getTo() - pages.getFrom()) * chunk.plan.pageSize;
  }

  @ProcessElement
  public void process(
      @Element PageChunk<T> chunk,
      RestrictionTracker<OffsetRange, Long> tracker,
      OutputReceiver<List<T>> out) {
    readChunk(chunk, tracker, out::output);
  }

  /**
   * Reads the pages of {@code chunk} that {@code tracker} lets it claim; records go to {@code out}.
   */
  void readChunk(
      PageChunk<T> chunk, RestrictionTracker<OffsetRange, Long> tracker, Consumer<List<T>> out) {
    QueryPlan<T> plan = chunk.plan;
    // The list's size when the page before the current one was read. For a chunk's first page
    // that page was read elsewhere, at a moment unknown here: the plan's count stands in for it.
    long previousCount = plan.plannedCount;
    try (PageWindow<T> window = new PageWindow<>(pool, p -> fetch(plan, p), maxInFlight)) {
      long first = tracker.currentRestriction().getFrom();
      for (long p = first; tracker.tryClaim(p); p++) {
        Page<T> page = window.get(p, tracker.currentRestriction().getTo());
        emit(page, out);
        if (p > first && !Objects.equals(page.getCount(), previousCount)) {
          // The list changed (or this page was past its end), and this page was fetched ahead,
          // perhaps answered before the page before it: which way records slid between the two
          // is unknown. Read it again, now that the page before it has been answered, so the
          // comparison below is in order.
          page = fetch(plan, p);
          emit(page, out);
        }
        if (page.getRecords().isEmpty()) {
          // Past the end of the list: it shrank since it was planned, and what was on this page
          // and after it slid towards the front, maybe into pages already read elsewhere.
          lookBackFromTheEnd(plan, p, previousCount, out);
          tracker.tryClaim(tracker.currentRestriction().getTo());
          return;
        }
        long count = countOf(page, previousCount);
        if (count < previousCount) {
          lookBack(plan, p, p - 1, previousCount, count, out);
        }
        previousCount = count;
        if (!page.hasNext()) {
          // The list's last page: the rest of the chunk is past its end.
          tracker.tryClaim(tracker.currentRestriction().getTo());
          return;
        }
        long chunkEnd = tracker.currentRestriction().getTo();
        if (p == chunkEnd - 1) {
          // The chunk's last page, still claimed (no output is allowed after a failed claim):
          // read what lies beyond the chunk now.
          if (chunkEnd == plan.lastPage + 1) {
            followNext(plan, chunkEnd, out);
          } else {
            readAhead(plan, chunkEnd, count - plan.plannedCount, out);
          }
        }
      }
    }
  }

  /**
   * The list shrank since the page before {@code page} was read, from {@code countThen} records to
   * {@code countNow}: records may have slid from {@code page} into earlier ones, so pages from
   * {@code startAt} back are read again, as far back as the shrinking reaches. A page read again
   * may show the list shrunk further, and so reach further back; one past the end of the list (it
   * answers no count) shows that the list holds no more than the pages before it.
   */
  private void lookBack(
      QueryPlan<T> plan,
      long page,
      long startAt,
      long countThen,
      long countNow,
      Consumer<List<T>> out) {
    long latestCount = countNow;
    long reach = Math.min(startAt, page - pagesFor(countThen - latestCount, plan.pageSize));
    for (long p = startAt; p >= Math.max(1, reach); p--) {
      Page<T> again = fetch(plan, p);
      emit(again, out);
      metrics.lookBackPages.inc();
      latestCount = countOf(again, Math.min(latestCount, (p - 1) * plan.pageSize));
      reach = Math.min(reach, page - pagesFor(countThen - latestCount, plan.pageSize));
    }
  }

  /**
   * {@code page} is past the end of the list, which answers no count: page 1 tells the list's size
   * now, and the pages from its new end back are read again as far as the shrinking reaches.
   */
  private void lookBackFromTheEnd(
      QueryPlan<T> plan, long page, long countThen, Consumer<List<T>> out) {
    Page<T> first = fetch(plan, 1);
    emit(first, out);
    metrics.lookBackPages.inc();
    long countNow = countOf(first, 0);
    long lastPageNow = Math.max(1, pagesFor(countNow, plan.pageSize));
    if (lastPageNow >= 2 && countNow < countThen) {
      lookBack(plan, page, Math.min(page - 1, lastPageNow), countThen, countNow, out);
    }
  }

  /**
   * The list grew by {@code growth} since it was planned: records may have slid past the end of
   * this chunk into pages another chunk may already have read, so those pages are read too, as far
   * as the latest count says (growth goes on while they are read). A list that grows as fast as it
   * is read would keep this going: it stops after as many pages as the plan had, and says so.
   */
  private void readAhead(QueryPlan<T> plan, long from, long growth, Consumer<List<T>> out) {
    long end = from + pagesFor(growth, plan.pageSize);
    long limit = from + Math.max(plan.lastPage, MIN_TAIL_PAGES);
    for (long p = from; p < end; p++) {
      if (p >= limit) {
        warnEndlessGrowth(plan, "reading ahead", limit - from);
        return;
      }
      Page<T> page = fetch(plan, p);
      emit(page, out);
      metrics.lookAheadPages.inc();
      if (page.getRecords().isEmpty() || !page.hasNext()) {
        return;
      }
      long latestGrowth = countOf(page, plan.plannedCount) - plan.plannedCount;
      end = Math.max(end, from + pagesFor(latestGrowth, plan.pageSize));
    }
  }

  /**
   * Pages beyond the planned last one may exist now: read them until the list ends, or until as
   * many pages again as were planned have been read past the end (a list growing as fast as it is
   * read would otherwise never end; the log says so).
   */
  private void followNext(QueryPlan<T> plan, long from, Consumer<List<T>> out) {
    long limit = from + Math.max(plan.lastPage, MIN_TAIL_PAGES);
    for (long p = from; p < limit; p++) {
      Page<T> page = fetch(plan, p);
      emit(page, out);
      metrics.tailPages.inc();
      if (page.getRecords().isEmpty() || !page.hasNext()) {
        if (p > from) {
          LOG.info("{}: read {} page(s) past the planned end", plan.query, p - from + 1);
        }
        return;
      }
    }
    warnEndlessGrowth(plan, "following the list past its planned end", limit - from);
  }

  private static void warnEndlessGrowth(QueryPlan<?> plan, String doing, long pages) {
    LOG.warn(
        "{}: stopped {} after {} pages: the list grows about as fast as it is read, so records"
            + " that moved during the read may be missing. Split the read (e.g. by day) or read"
            + " it again.",
        plan.query,
        doing,
        pages);
  }

  private static long pagesFor(long records, int pageSize) {
    return records <= 0 ? 0 : (records + pageSize - 1) / pageSize;
  }

  private Page<T> fetch(QueryPlan<T> plan, long page) {
    ListQuery<T> query = plan.query;
    Page<T> answer =
        client.listPage(query.endpoint(), query.filters(), Math.toIntExact(page), plan.pageSize);
    metrics.pages.inc();
    Integer size = answer.getPageSize();
    if (size != null && size != plan.pageSize && !answer.getRecords().isEmpty()) {
      LOG.warn(
          "{}: page {} came with page_size {} instead of the planned {}; pages no longer line up",
          query,
          page,
          size,
          plan.pageSize);
    }
    return answer;
  }

  /**
   * A page's records go out as one element, flattened after the read: the runner's cost per element
   * of a splittable DoFn's output is paid once per page, not once per record.
   */
  private void emit(Page<T> page, Consumer<List<T>> out) {
    List<T> records = page.getRecords();
    if (!records.isEmpty()) {
      out.accept(records);
    }
    metrics.records.inc(records.size());
  }

  /** The list's size as this page saw it; a page without a count (404 past the end) says none. */
  private static long countOf(Page<?> page, long otherwise) {
    return page.getCount() != null ? page.getCount() : otherwise;
  }

  @Teardown
  public void teardown() throws Exception {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (client != null) {
      ReadClients.release(clientKey);
      client = null;
    }
  }
}
