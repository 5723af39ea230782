package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.PageItem;
import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListQuery;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param <T> the records of the list
 */
final class ListCursor<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ListCursor.class);

  /** Pages of the first batch: a failed batch costs little while the list's churn is unknown. */
  static final int FIRST_BATCH = 2;

  /**
   * Quiet pages, read one at a time, before batches are tried again; grows 8x on each failed batch,
   * so that a list that keeps changing is soon read one page at a time only.
   */
  static final int QUIET_PAGES_BEFORE_BATCHES = 4;

  static final int QUIET_PAGES_GROWTH = 8;

  /** A batch the list stood still for is followed by one this many times larger. */
  static final int BATCH_GROWTH = 4;

  static final int MAX_QUIET_PAGES = 4096;

  /** The requests a read may send: this many times the pages the list had, plus a margin. */
  static final int REQUESTS_PER_PLANNED_PAGE = 6;

  static final int EXTRA_REQUESTS = 64;

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
  private Pages<T> pages;
  private Sink<T> sink;
  private final int maxBatch;
  private final int maxReadAhead;
  private final ReadMetrics metrics;

  /** Every record this read has seen, by key: true once it lies in the covered prefix. */
  private final Map<String, Boolean> known = new HashMap<>();

  private final Set<String> unreadableSeen = new HashSet<>();
  private final Set<Long> failedPagesReported = new HashSet<>();

  // The covered prefix: every record from the head to `last` has been read.
  private @Nullable String last;

  /** Where {@code last} stood (from 0) in the answer that last placed it, or a lower bound. */
  private long lastPosition = -1;

  /** The list's size in that answer. */
  private long countThen;

  private int pageSize;

  /** The next answer joins the prefix whatever it holds: the page before it could not be read. */
  private boolean afterFailedPage;

  /** A page to read before going on from the prefix: set when a page came back empty. */
  private @Nullable Long stepBackTo;

  /**
   * Empty answers past a page that links to a next one: a list that shrinks at its end, or a server
   * whose links promise pages it does not have; after a few, the list is taken to end there.
   */
  private int emptyAnswersInARow;

  private static final int MAX_EMPTY_ANSWERS_IN_A_ROW = 3;

  /** The page number of the latest answer that joined the prefix, and whether it had a next. */
  private long lastJoinedPage;

  private boolean lastJoinedHadNext;

  private @Nullable Gap gap;

  /** The latest answer of page 1, and the request that brought it. */
  private @Nullable PageAnswer<T> probe;

  private long probeRequest;

  private boolean batches = true;
  private int batchSize = FIRST_BATCH;
  private int quietPages;
  private int quietPagesNeeded = QUIET_PAGES_BEFORE_BATCHES;

  private boolean orderDoubted;

  /** Whether the read has seen a record inserted (a new first record on page 1, a count risen). */
  private boolean insertsSeen;

  private long lastSequentialCount = -1;
  private long lowestCount = Long.MAX_VALUE;

  /** 0 before the read, 1 in its pass, 2 in the second pass that a broken order asks for. */
  private int passes;

  private boolean finished;
  private long steps;
  private long requests;
  private long budget;
  private long plannedCount;
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
    this.pages = pages;
    this.sink = sink;
    this.maxBatch = Math.max(FIRST_BATCH, maxBatch);
    this.maxReadAhead = Math.max(0, maxReadAhead);
    this.metrics = metrics;
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
    this.pages = pages;
    this.sink = sink;
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
      } else if (batches) {
        batch();
      } else {
        step();
      }
    } else if (orderDoubted && passes == 1) {
      passes = 2;
      startSecondPass();
    } else {
      finished = true;
      return false;
    }
    return true;
  }

  private void startPass() {
    PageAnswer<T> first = fetchProbe();
    if (first.failed()) {
      skipFailedPage(first);
      done = true;
      return;
    }
    if (passes == 1) {
      pageSize = first.pageSize(Math.max(1, first.size()));
      plannedCount = first.count(first.size());
      budget =
          REQUESTS_PER_PLANNED_PAGE * Math.max(1, (plannedCount + pageSize - 1) / pageSize)
              + EXTRA_REQUESTS;
      countThen = plannedCount;
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
    known.replaceAll((key, covered) -> Boolean.FALSE);
    last = null;
    lastPosition = -1;
    gap = null;
    stepBackTo = null;
    afterFailedPage = false;
    batches = false;
    quietPagesNeeded = Integer.MAX_VALUE;
    done = false;
    budget = requests + budget;
    startPass();
  }

  // ---- one page at a time --------------------------------------------------------------------

  private void step() {
    long number = stepBackTo != null ? stepBackTo : pageOf(lastPosition + 1);
    stepBackTo = null;
    PageAnswer<T> answer = fetch(number);
    if (answer.failed()) {
      skipFailedPage(answer);
      return;
    }
    if (joinsByIdentity(answer)) {
      quiet(false);
      if (follows(answer)) {
        extend(answer, true);
      } else {
        restartAtTheHead(answer);
      }
      return;
    }
    if (answer.isEmpty()) {
      // Past the end: the list is shorter than the prefix's position says. The page before shows
      // where it ends now.
      quiet(false);
      boolean promised = number == lastJoinedPage + 1 && lastJoinedHadNext;
      emptyAnswersInARow = promised ? emptyAnswersInARow + 1 : 0;
      if (emptyAnswersInARow > MAX_EMPTY_ANSWERS_IN_A_ROW) {
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
    long count = answer.count(countThen);
    if (count >= countThen) {
      quiet(count == countThen && answer.start(pageSize) == lastPosition + 1);
      extend(answer, true);
      return;
    }
    quiet(false);
    gap = new Gap(answer, countThen - count);
    metrics.gaps.inc();
  }

  private void quiet(boolean quiet) {
    if (!quiet) {
      quietPages = 0;
      return;
    }
    if (++quietPages >= quietPagesNeeded) {
      batches = true;
      batchSize = FIRST_BATCH;
    }
  }

  // ---- gaps ----------------------------------------------------------------------------------

  /**
   * At most {@code bound} records lie between the prefix's last record and the first record of
   * {@code beyond}, an answer read after it that could not be joined on.
   */
  private final class Gap {
    final PageAnswer<T> beyond;
    long bound;
    long nextBack;

    /** The answer of page 1 that came before {@code beyond} was asked for. */
    final @Nullable PageAnswer<T> probeBefore;

    /** A step back reached the prefix; the records it found did not close the gap. */
    boolean steppedBack;

    /** The list's size in the answer of that step back. */
    long countAtStepBack;

    Gap(PageAnswer<T> beyond, long bound) {
      this.beyond = beyond;
      this.bound = bound;
      this.nextBack = Math.max(1, beyond.number - 1);
      this.probeBefore = probe;
    }
  }

  private void resolveGap() {
    Gap g = gap;
    if (g.steppedBack) {
      PageAnswer<T> before = g.probeBefore;
      PageAnswer<T> now = fetchProbe();
      gap = null;
      // A record inserted before the step back and deleted before this answer would not show
      // here. Once the read has seen records inserted, the gap closes only if nothing the step
      // back saw was deleted since either; before, a list that has only lost records (a shrinking
      // one, whose every forward page shows a fall in the count) is not made to pay for it.
      if (!now.failed()
          && before != null
          && !insertedBetween(before, now)
          && (!insertsSeen || now.count(-1) >= g.countAtStepBack)) {
        join(g.beyond);
      }
      if (!now.failed()) {
        extend(now, follows(now));
      }
      // Else records may have been pushed past the page stepped back to: read on from the prefix.
      return;
    }
    PageAnswer<T> answer = fetch(g.nextBack);
    metrics.stepBackPages.inc();
    if (answer.failed()) {
      gap = null;
      skipFailedPage(answer);
      return;
    }
    if (!joinsByIdentity(answer)) {
      // The prefix's last record moved further towards the head: step back further.
      g.nextBack = Math.max(1, answer.number - 1);
      return;
    }
    if (!follows(answer)) {
      // Stepped back to page 1 without meeting a record of the prefix: what it holds may have been
      // inserted at the head, before the gap, so it cannot tell the gap's records.
      gap = null;
      restartAtTheHead(answer);
      return;
    }
    int after = lastIndexInPrefix(answer) + 1;
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
      g.countAtStepBack = answer.count(countThen);
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
    last = null;
    lastPosition = -1;
    countThen = page1.count(countThen);
    extend(page1, true);
  }

  /** A gap closed: the answer beyond it joins the prefix. */
  private void join(PageAnswer<T> beyond) {
    extend(beyond, true);
  }

  /**
   * Whether a record entered the list between two answers of page 1: new records enter at the head,
   * so the later answer's first record is then one the earlier did not hold.
   */
  private static boolean insertedBetween(PageAnswer<?> earlier, PageAnswer<?> later) {
    List<String> now = later.identities();
    if (now.isEmpty()) {
      return false;
    }
    return !new HashSet<>(earlier.identities()).contains(now.get(0));
  }

  // ---- batches -------------------------------------------------------------------------------

  private void batch() {
    PageAnswer<T> start = probe != null && probeRequest == requests ? probe : fetchProbe();
    if (start.failed()) {
      batches = false;
      return;
    }
    extend(start, follows(start));
    if (done) {
      return;
    }
    long first = pageOf(lastPosition + 1);
    long lastByCount = pageOf(Math.max(0, start.count(countThen) - 1));
    long lastPage = Math.max(first, Math.min(first + batchSize - 1, lastByCount));
    // While the batch's last answers are out, its free slots read on, up to a batch further: the
    // same two answers of page 1 certify those pages too. Only once a batch has found the list
    // still: while its churn is unknown, a batch that fails should cost little.
    long most =
        batchSize > FIRST_BATCH
            ? Math.max(lastPage, Math.min(lastByCount, lastPage + maxReadAhead))
            : lastPage;
    List<PageAnswer<T>> answers = fetchRun(first, lastPage, most);
    PageAnswer<T> end = fetchProbe();
    if (stillBetween(start, end, answers) && start.count(countThen) >= countThen) {
      metrics.certifiedBatches.inc();
      for (PageAnswer<T> answer : answers) {
        if (answer.isEmpty() || done) {
          break;
        }
        // The list was the same for every page of the batch: each page follows the one before.
        extend(answer, true);
      }
      batchSize = Math.min(batchSize * BATCH_GROWTH, maxBatch);
    } else {
      metrics.uncertifiedBatches.inc();
      for (PageAnswer<T> answer : answers) {
        if (!answer.failed() && joinsByIdentity(answer)) {
          extend(answer, follows(answer));
        }
      }
      batches = false;
      quietPages = 0;
      quietPagesNeeded =
          (int) Math.min((long) quietPagesNeeded * QUIET_PAGES_GROWTH, MAX_QUIET_PAGES);
    }
    if (!end.failed()) {
      extend(end, follows(end));
    }
  }

  /**
   * Whether the list was the same from {@code start} to {@code end}: the same page 1, the same
   * count, and every page between with that count and page size (a page past the end, with no
   * count, where a list of that count has none).
   */
  private boolean stillBetween(
      PageAnswer<T> start, PageAnswer<T> end, List<PageAnswer<T>> answers) {
    Long count = start.count();
    if (end.failed() || count == null || !count.equals(end.count())) {
      return false;
    }
    if (!start.identities().equals(end.identities())) {
      return false;
    }
    int size = start.pageSize(pageSize);
    boolean ended = false;
    for (PageAnswer<T> answer : answers) {
      if (answer.failed() || answer.pageSize(size) != size) {
        return false;
      }
      if (answer.isEmpty()) {
        if (answer.start(size) < count) {
          return false;
        }
        ended = true;
        continue;
      }
      if (ended || !count.equals(answer.count())) {
        return false;
      }
      ended = !answer.hasNext();
    }
    return true;
  }

  // ---- the covered prefix --------------------------------------------------------------------

  private boolean joinsByIdentity(PageAnswer<T> answer) {
    return answer.number == 1 || afterFailedPage || lastIndexInPrefix(answer) >= 0;
  }

  private int lastIndexInPrefix(PageAnswer<T> answer) {
    List<String> keys = answer.keys();
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      if (key != null && Boolean.TRUE.equals(known.get(key))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether what {@code answer} holds after its last record of the prefix lies after {@code last}:
   * so when it holds a record of the prefix (records never come between two others), or when the
   * prefix is empty or broken by a failed page. Page 1 without a record of the prefix may hold
   * records inserted at the head, which lie before {@code last}.
   */
  private boolean follows(PageAnswer<T> answer) {
    return last == null || afterFailedPage || lastIndexInPrefix(answer) >= 0;
  }

  /**
   * An answer that joins the prefix: the prefix now reaches its last record, if that is further.
   * {@code follows}: whether its records after the prefix's lie after {@code last} (see {@link
   * #follows}); if they may not, the answer only ends the read when it is the whole list.
   */
  private void extend(PageAnswer<T> answer, boolean follows) {
    if (!follows) {
      done |= answer.number == 1 && !answer.hasNext(); // page 1 is then the whole list
      return;
    }
    afterFailedPage = false;
    lastJoinedPage = answer.number;
    lastJoinedHadNext = answer.hasNext();
    pageSize = answer.pageSize(pageSize);
    long start = answer.start(pageSize);
    long count = answer.count(countThen);
    if (answer.isEmpty()) {
      done |= answer.number == 1;
      return;
    }
    int lastIndex = answer.lastKeyIndex();
    String lastHere = lastIndex >= 0 ? answer.keys().get(lastIndex) : null;
    int lastSeenAt = last == null ? -1 : answer.indexOf(last);
    // Further: to a record not yet covered, or past `last` in this very answer. (A record after
    // `last` may be covered already: a prefix that started again at the head meets the records it
    // covered before. Without the second test the cursor would ask for this page again and again,
    // moving on only by the records inserted in between.)
    boolean reachesFurther =
        lastHere != null
            && (!Boolean.TRUE.equals(known.get(lastHere))
                || (lastSeenAt >= 0 && lastIndex > lastSeenAt));
    for (String key : answer.keys()) {
      if (key != null) {
        known.put(key, Boolean.TRUE);
      }
    }
    if (reachesFurther) {
      emptyAnswersInARow = 0;
      last = lastHere;
      lastPosition = start + lastIndex;
      countThen = count;
    } else if (lastSeenAt >= 0) {
      lastPosition = start + lastSeenAt;
      countThen = count;
    } else if (start + answer.size() - 1 > lastPosition) {
      // Wholly inside the prefix, without its last record: that lies further on.
      lastPosition = start + answer.size() - 1;
      countThen = count;
    }
    if (!answer.hasNext()) {
      done = true;
    }
  }

  private void skipFailedPage(PageAnswer<T> answer) {
    if (failedPagesReported.add(answer.number)) {
      metrics.failedPages.inc();
      sink.failedPage(answer.number, answer.failure());
    }
    // Its records are not read; the prefix goes on after it, from whatever comes next.
    lastPosition = Math.max(lastPosition, answer.number * (long) Math.max(1, pageSize) - 1);
    afterFailedPage = true;
  }

  private long pageOf(long position) {
    return Math.max(0, position) / Math.max(1, pageSize) + 1;
  }

  // ---- requests ------------------------------------------------------------------------------

  private PageAnswer<T> fetchProbe() {
    PageAnswer<T> answer = fetch(1);
    metrics.probePages.inc();
    if (!answer.failed()) {
      if (probe != null && insertedBetween(probe, answer)) {
        insertsSeen = true;
      }
      probe = answer;
      probeRequest = requests;
    }
    return answer;
  }

  /** The bound on a read's work: a list that grows as fast as it is read would never end. */
  private void withinBudget(int more) {
    // A list that loses records ends, however it is read: each record it lost buys two requests.
    long lost = Math.max(0, plannedCount - lowestCount);
    if (budget > 0 && requests + more > budget + 2 * lost) {
      throw new ListGrowsTooFastException(query, requests, plannedCount, countThen);
    }
  }

  private PageAnswer<T> fetch(long number) {
    withinBudget(1);
    PageAnswer<T> answer = pages.fetch(number);
    requests++;
    metrics.pages.inc();
    Long count = answer.count();
    if (count != null) {
      // Answers asked one after another are in order: a count that rose shows an insert.
      insertsSeen |= lastSequentialCount >= 0 && count > lastSequentialCount;
      lastSequentialCount = count;
      lowestCount = Math.min(lowestCount, count);
    }
    received(answer);
    return answer;
  }

  private List<PageAnswer<T>> fetchRun(long first, long required, long most) {
    withinBudget(Math.toIntExact(required - first + 1));
    // The pages read on behind a slow answer stay within the bound of requests too.
    long lost = Math.max(0, plannedCount - lowestCount);
    long allowed = budget > 0 ? budget + 2 * lost - requests : Long.MAX_VALUE;
    long last = Math.max(required, Math.min(most, first + allowed - 1));
    List<PageAnswer<T>> answers = pages.fetchRun(first, required, last);
    int asked = answers.size();
    if (asked < required - first + 1 || asked > last - first + 1) {
      throw new IllegalStateException(
          "asked for pages " + first + " to " + required + " (at most " + last + "), got " + asked);
    }
    for (int i = 0; i < asked; i++) {
      if (answers.get(i).number != first + i) {
        throw new IllegalStateException(
            "answer " + i + " of the run from page " + first + " is page " + answers.get(i).number);
      }
    }
    requests += asked;
    metrics.pages.inc(asked);
    for (PageAnswer<T> answer : answers) {
      received(answer);
    }
    return answers;
  }

  /** Every answer's records go out as they arrive, each once; then the order check. */
  private void received(PageAnswer<T> answer) {
    if (answer.failed()) {
      return;
    }
    checkOrder(answer);
    List<PageItem<T>> items = answer.items();
    List<String> keys = answer.keys();
    for (int i = 0; i < items.size(); i++) {
      PageItem<T> item = items.get(i);
      String key = keys.get(i);
      if (key != null) {
        boolean firstTime = known.putIfAbsent(key, Boolean.FALSE) == null;
        sink.record(item.record(), firstTime);
      } else if (unreadableSeen.add(item.json())) {
        metrics.unreadableRecords.inc();
        sink.unreadable(answer.number, item.json(), item.reason());
      }
    }
  }

  /** A record never seen before between two records of the prefix: see the class comment. */
  private void checkOrder(PageAnswer<T> answer) {
    if (orderDoubted) {
      return;
    }
    boolean prefixBefore = false;
    boolean unseenAfterPrefix = false;
    for (String key : answer.keys()) {
      if (key == null) {
        continue;
      }
      Boolean state = known.get(key);
      if (Boolean.TRUE.equals(state)) {
        if (unseenAfterPrefix) {
          orderDoubted = true;
          LOG.warn(
              "{}: page {} holds a record never read before between records already read: the"
                  + " list does not keep the order the reader relies on (newest first, new records"
                  + " at the head)",
              query,
              answer.number);
          return;
        }
        prefixBefore = true;
      } else if (state == null && prefixBefore) {
        unseenAfterPrefix = true;
      }
    }
  }
}
