package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListQuery;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one list page by page so that no record that exists for the whole read is missed, however
 * the list changes under it, and says how it knows.
 *
 * <p><b>What it relies on</b> (and checks where it can): each answer is the list at one moment; the
 * order of the records that stay in the list does not change; new records enter at the head (the
 * service lists newest first); a deleted record does not come back. Page numbers do not name
 * records: an insert pushes every record a place towards the end, a delete pulls the ones after it
 * a place towards the head, so records cross page boundaries while the list is read.
 *
 * <p><b>The covered prefix.</b> The cursor keeps one fact: every record from the head of the list
 * to the record {@code last} has been read. A new answer extends it only when it is proven to join
 * on:
 *
 * <ul>
 *   <li><b>by identity</b>: the answer holds a record of the prefix. An answer is the list at one
 *       moment, so it holds every record between its first and its last; joined to the prefix by a
 *       shared record, the prefix now reaches its last record. Page 1 always joins: it starts at
 *       the head.
 *   <li><b>by count</b>: the answer is the page right after {@code last}, asked for after the
 *       answer that placed {@code last} was received, and the list's {@code count} did not shrink
 *       between the two. Inserts go in at the head, ahead of both, so at most {@code shrink}
 *       records can have slid from behind the page boundary to before it: none.
 * </ul>
 *
 * <p><b>A gap.</b> When the count did shrink by {@code d}, at most {@code d} records lie between
 * {@code last} and the new answer's first record, and stay between them for good (records between
 * two others are never added to). The cursor steps back until an answer joins the prefix; the
 * records it then finds after the prefix and before the new answer are the gap's, and the gap is
 * closed once it has found {@code d} of them or reached the new answer. Else the gap's records can
 * only have been pushed out of the page stepped back to by an insert since: page 1, asked for next,
 * shows whether a record inserted since before the gap opened is still there, and — once the read
 * has seen any record inserted — the count whether any record seen at the step back was deleted
 * since (as an insert deleted again would be). If neither, the gap is closed; else the cursor gives
 * the gap up and reads on from the prefix. (Before any insert was seen, a list that only loses
 * records, whose every forward page shows a fall in the count, is not made to pay for the check.) A
 * step back that meets page 1 without a record of the prefix starts the prefix again there.
 *
 * <p><b>Pages in flight.</b> One request at a time would set the read's speed to the API's latency,
 * so while the list shows no change the cursor asks for a batch of pages at once, between two
 * answers of page 1. If both show the same records and count, and every page of the batch the same
 * count, nothing changed in between (a change would have put a new record at the head, or left the
 * count or page 1 short of a deleted one), so the batch's pages join each other exactly. A batch
 * that fails this test joins only by identity, and the cursor goes back to one page at a time until
 * the list has been quiet for a while (eight times longer after each failed batch). Batches grow
 * four times while they pass.
 *
 * <p><b>Checks.</b> A record never read before that turns up between two records of the prefix
 * means the list does not keep its order, or takes records inside it: the assumptions above do not
 * hold. The cursor says so in the log, and reads the list once more, one page at a time, when it
 * has reached the end. A list that grows about as fast as it is read would never end: after a bound
 * of requests (several times the list's pages, and two more for each record the list lost) the read
 * stops with an error that says so.
 *
 * <p><b>Its parts.</b> {@link CoveredPrefix} holds the prefix and extends it by the answers that
 * join on; {@link SeenRecords} what the read has seen, sent on and checked; {@link PageRequests}
 * the requests, the probes of page 1 and the bound; {@link ListChanges} what two probes show;
 * {@link BatchPacing} whether to ask for a batch and how large; {@link Gap} what is known of a gap
 * being closed. This class decides what to ask for next.
 *
 * @param <T> the records of the list
 */
final class ListCursor<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ListCursor.class);

  /** The requests a read may send: this many times the pages the list had, plus a margin. */
  static final int REQUESTS_PER_PLANNED_PAGE = PageRequests.REQUESTS_PER_PLANNED_PAGE;

  static final int EXTRA_REQUESTS = PageRequests.EXTRA_REQUESTS;

  /** Where the cursor gets pages. */
  interface Pages<T> {
    /** One request for page {@code number}, sent now and answered before this returns. */
    PageAnswer<T> fetch(long number);

    /**
     * Requests for pages {@code first} to {@code required}, concurrently, and perhaps for the pages
     * after them, in order, never past {@code most}, while one of those is still out: a slot that
     * frees while a slow answer (a refused request waiting out its {@code Retry-After}, a retry's
     * backoff) holds the run back may ask for the next page instead of idling. Returns every
     * answer, in page order, from {@code first} to the last page asked, when all are in.
     */
    List<PageAnswer<T>> fetchRun(long first, long required, long most);
  }

  /** Where the cursor puts what it read. */
  interface Sink<T> {
    /** A record read; {@code firstTime} is false when this read had already seen it. */
    void record(T record, boolean firstTime);

    /** An item that does not map onto the model, once per distinct JSON. */
    void unreadable(long page, String json, String reason);

    /** A page that failed after the client's retries, read around. */
    void failedPage(long page, FormalooException failure);
  }

  private final ListQuery<T> query;
  private final int maxReadAhead;
  private final ReadMetrics metrics;
  private final SeenRecords<T> seen;
  private final CoveredPrefix<T> prefix;
  private final PageRequests<T> requests;

  /** A page to read before going on from the prefix: set when a page came back empty. */
  private @Nullable Long stepBackTo;

  private @Nullable Gap<T> gap;

  private final BatchPacing pacing;

  /** 0 before the read, 1 in its pass, 2 in the second pass that a broken order asks for. */
  private int passes;

  private boolean finished;
  private long steps;
  private boolean done;

  ListCursor(ListQuery<T> query, Pages<T> pages, Sink<T> sink, int maxBatch, ReadMetrics metrics) {
    this(query, pages, sink, maxBatch, maxBatch, metrics);
  }

  /**
   * {@code maxReadAhead}: how many pages past a batch its free slots may read while one of its
   * requests waits out a {@code Retry-After} (see {@link Pages#fetchRun}).
   */
  ListCursor(
      ListQuery<T> query,
      Pages<T> pages,
      Sink<T> sink,
      int maxBatch,
      int maxReadAhead,
      ReadMetrics metrics) {
    this.query = query;
    this.pacing = new BatchPacing(maxBatch);
    this.maxReadAhead = Math.max(0, maxReadAhead);
    this.metrics = metrics;
    this.seen = new SeenRecords<>(query, sink, metrics);
    this.prefix = new CoveredPrefix<>(seen);
    this.requests = new PageRequests<>(query, pages, seen, prefix, metrics);
  }

  /** Reads the whole list; returns when it has, or throws {@link ListGrowsTooFastException}. */
  void read() {
    while (advance()) {
      // each call reads a page, a batch, or a step of a gap
    }
  }

  /**
   * Where the next pages come from and the records go: a read that a runner checkpoints goes on in
   * another bundle, perhaps in another {@code DoFn} instance, with the cursor it left.
   */
  void bind(Pages<T> pages, Sink<T> sink) {
    requests.bind(pages);
    seen.bind(sink);
  }

  /** How many times {@link #advance()} has been called. */
  long steps() {
    return steps;
  }

  /**
   * Does the next piece of the read — page 1, a page, a batch of pages, a step of a gap, or the
   * start of a second pass — and returns true; false once the list has been read.
   *
   * @throws ListGrowsTooFastException when the read reached its bound of requests
   */
  boolean advance() {
    if (finished) {
      return false;
    }
    steps++;
    if (passes == 0) {
      passes = 1;
      startPass();
    } else if (!done) {
      if (gap != null) {
        resolveGap();
      } else if (pacing.batches()) {
        batch();
      } else {
        step();
      }
    } else if (seen.orderDoubted() && passes == 1) {
      passes = 2;
      startSecondPass();
    } else {
      finished = true;
      return false;
    }
    return true;
  }

  /** The prefix and the mode, for traces and logs. */
  @Override
  public String toString() {
    return prefix
        + (gap == null
            ? ""
            : " gap=(bound " + gap.bound + " beyond page " + gap.beyond.number + ")")
        + " "
        + pacing;
  }

  private void startPass() {
    PageAnswer<T> first = requests.fetchProbe();
    if (first.failed()) {
      skipFailedPage(first);
      done = true;
      return;
    }
    if (passes == 1) {
      int pageSize = first.pageSize(Math.max(1, first.size()));
      long count = first.count(first.size());
      requests.plan(count, pageSize);
      prefix.start(pageSize, count);
    }
    extend(first, true);
  }

  /**
   * The list did not keep its order while it was read: a second pass, one page at a time, finds the
   * records that moved past the first (their union is what a reader without the ordering can do
   * best).
   */
  private void startSecondPass() {
    LOG.warn(
        "{}: reading the list once more from page 1, one page at a time: records turned up between"
            + " records already read, so the list is not served newest first or takes records inside"
            + " it, and a record may have moved past the first pass",
        query);
    metrics.secondPasses.inc();
    seen.uncoverAll();
    prefix.clear();
    gap = null;
    stepBackTo = null;
    pacing.stop();
    done = false;
    requests.planSecondPass();
    startPass();
  }

  // ---- one page at a time --------------------------------------------------------------------

  private void step() {
    long number = stepBackTo != null ? stepBackTo : prefix.nextPage();
    stepBackTo = null;
    PageAnswer<T> answer = requests.fetch(number);
    if (answer.failed()) {
      skipFailedPage(answer);
      return;
    }
    if (prefix.joinsByIdentity(answer)) {
      pacing.page(false);
      if (prefix.follows(answer)) {
        extend(answer, true);
      } else {
        restartAtTheHead(answer);
      }
      return;
    }
    if (answer.isEmpty()) {
      // Past the end: the list is shorter than the prefix's position says. The page before shows
      // where it ends now.
      pacing.page(false);
      if (CoveredPrefix.tooManyEmptyAnswers(prefix.emptyAnswerAt(number))) {
        LOG.warn(
            "{}: page {} is empty again and again although the page before it links to a next"
                + " page; taking the list to end there",
            query,
            number);
        done = true;
        return;
      }
      stepBackTo = Math.max(1, number - 1);
      return;
    }
    long countThen = prefix.countThen();
    long count = answer.count(countThen);
    if (count >= countThen) {
      pacing.page(
          count == countThen && answer.start(prefix.pageSize()) == prefix.lastPosition() + 1);
      extend(answer, true);
      return;
    }
    pacing.page(false);
    gap = new Gap<>(answer, countThen - count, requests.latestProbe());
    metrics.gaps.inc();
  }

  // ---- gaps ----------------------------------------------------------------------------------

  private void resolveGap() {
    Gap<T> g = gap;
    if (g.steppedBack) {
      PageAnswer<T> before = g.probeBefore;
      PageAnswer<T> now = requests.fetchProbe();
      gap = null;
      // A record inserted before the step back and deleted before this answer would not show
      // here. Once the read has seen records inserted, the gap closes only if nothing the step
      // back saw was deleted since either; before, a list that has only lost records (a shrinking
      // one, whose every forward page shows a fall in the count) is not made to pay for it.
      if (!now.failed()
          && before != null
          && !ListChanges.insertedBetween(before, now)
          && (!requests.insertsSeen() || now.count(-1) >= g.countAtStepBack)) {
        join(g.beyond);
      }
      if (!now.failed()) {
        extend(now, prefix.follows(now));
      }
      // Else records may have been pushed past the page stepped back to: read on from the prefix.
      return;
    }
    PageAnswer<T> answer = requests.fetch(g.nextBack);
    metrics.stepBackPages.inc();
    if (answer.failed()) {
      gap = null;
      skipFailedPage(answer);
      return;
    }
    if (!prefix.joinsByIdentity(answer)) {
      // The prefix's last record moved further towards the head: step back further.
      g.nextBack = Math.max(1, answer.number - 1);
      return;
    }
    if (!prefix.follows(answer)) {
      // Stepped back to page 1 without meeting a record of the prefix: what it holds may have been
      // inserted at the head, before the gap, so it cannot tell the gap's records.
      gap = null;
      restartAtTheHead(answer);
      return;
    }
    int after = prefix.lastIndexIn(answer) + 1;
    boolean reachesBeyond = false;
    long found = 0;
    List<String> keys = answer.keys();
    for (int i = after; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key != null && g.beyond.keySet().contains(key)) {
        reachesBeyond = true;
        break;
      }
      found++;
    }
    extend(answer, true);
    g.bound -= found;
    if (reachesBeyond || g.bound <= 0) {
      gap = null;
      join(g.beyond);
    } else {
      g.steppedBack = true;
      g.countAtStepBack = answer.count(prefix.countThen());
    }
  }

  /**
   * Page 1, read stepping back, holds no record of the prefix: those near the head were deleted (or
   * records inserted at the head fill it). The prefix starts again from page 1. Nothing proven is
   * lost: every record of the former prefix was read, and an answer that holds one of them joins
   * the new prefix as before, since everything up to it was read.
   */
  private void restartAtTheHead(PageAnswer<T> page1) {
    metrics.restarts.inc();
    prefix.restartAt(page1);
    extend(page1, true);
  }

  /** A gap closed: the answer beyond it joins the prefix. */
  private void join(PageAnswer<T> beyond) {
    extend(beyond, true);
  }

  // ---- batches -------------------------------------------------------------------------------

  private void batch() {
    PageAnswer<T> start = requests.freshProbe();
    if (start.failed()) {
      pacing.pause();
      return;
    }
    extend(start, prefix.follows(start));
    if (done) {
      return;
    }
    long first = prefix.nextPage();
    long lastByCount = prefix.pageOf(Math.max(0, start.count(prefix.countThen()) - 1));
    long lastPage = Math.max(first, Math.min(first + pacing.batchSize() - 1, lastByCount));
    // While the batch's last answers are out, its free slots read on, up to a batch further: the
    // same two answers of page 1 certify those pages too. Only once a batch has found the list
    // still: while its churn is unknown, a batch that fails should cost little.
    long most =
        pacing.beyondFirstBatch()
            ? Math.max(lastPage, Math.min(lastByCount, lastPage + maxReadAhead))
            : lastPage;
    List<PageAnswer<T>> answers = requests.fetchRun(first, lastPage, most);
    PageAnswer<T> end = requests.fetchProbe();
    boolean still = ListChanges.stillBetween(start, end, answers, prefix.pageSize());
    if (still && start.count(prefix.countThen()) >= prefix.countThen()) {
      metrics.certifiedBatches.inc();
      for (PageAnswer<T> answer : answers) {
        if (answer.isEmpty() || done) {
          break;
        }
        // The list was the same for every page of the batch: each page follows the one before.
        extend(answer, true);
      }
      pacing.batchPassed();
    } else {
      metrics.uncertifiedBatches.inc();
      for (PageAnswer<T> answer : answers) {
        if (!answer.failed() && prefix.joinsByIdentity(answer)) {
          extend(answer, prefix.follows(answer));
        }
      }
      pacing.batchFailed();
    }
    if (!end.failed()) {
      extend(end, prefix.follows(end));
    }
  }

  // ---- the covered prefix --------------------------------------------------------------------

  /** Extends the prefix by {@code answer} (see {@link CoveredPrefix#extend}). */
  private void extend(PageAnswer<T> answer, boolean follows) {
    done |= prefix.extend(answer, follows);
  }

  private void skipFailedPage(PageAnswer<T> answer) {
    seen.failedPage(answer);
    // Its records are not read; the prefix goes on after it, from whatever comes next.
    prefix.skip(answer);
  }
}
