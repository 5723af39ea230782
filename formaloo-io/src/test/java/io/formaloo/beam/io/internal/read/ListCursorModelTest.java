package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.client.PageItem;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of {@link ListCursor}: thousands of random reads of an in-memory list that
 * changes while it is read, no HTTP and no pipeline. The server holds a list, newest first; each
 * answer is an atomic snapshot of the positions of one page, with {@code count}, {@code page_size}
 * and {@code next} (null on the last page), and a page past the end is an empty page with no count
 * (as the client turns DRF's 404 "Invalid page." into). Between any two answers, and between the
 * answers of one batch (served in a random order, each at its own moment), the list changes as the
 * trial's {@link Churn} says. Every trial checks that no survivor (a record in the list when the
 * read started and still in it when it ended) is missing, that the read ends, and that the sink's
 * {@code firstTime} flag marks each record once.
 *
 * <p>A failing trial is named by its churn and seed: {@code new Trial(churn, seed, null,
 * true).run()} replays it with a trace of every answer and change.
 */
class ListCursorModelTest {

  /** Every trial's seed derives from this one, so that a failure reproduces. */
  private static final long BASE_SEED = 0x5EED_2026_0611L;

  private static final ListQuery<Customer> QUERY = ListQuery.of(ListEndpoint.CUSTOMERS);
  private static final RecordKeys<Customer> KEYS = new RecordKeys<>();
  private static final ReadMetrics METRICS = new ReadMetrics();

  private static final int[] PAGE_SIZES = {1, 2, 3, 3, 10, 10};
  private static final int MAX_LIST = 500;

  /** A guard against a cursor that never ends: far more answers than any read's bound. */
  private static final long MAX_ANSWERS = 100_000;

  /** How the list changes between two answers. */
  enum Churn {
    NONE,
    INSERTS_AT_THE_HEAD,
    DELETES_ANYWHERE,
    INSERTS_AND_DELETES,
    BURSTS,
    LONG_QUIET_STRETCHES,
    GROWTH_FASTER_THAN_READING
  }

  // ---- the behaviours ------------------------------------------------------------------------

  @Test
  void aListThatDoesNotChangeIsReadWholeWithEveryRecordOnce() {
    assertNoTrialFails(Churn.NONE, 500);
  }

  @Test
  void noSurvivorIsMissedWhileRecordsAreInsertedAtTheHead() {
    assertNoTrialFails(Churn.INSERTS_AT_THE_HEAD, 2500);
  }

  @Test
  void noSurvivorIsMissedWhileRecordsAreDeletedAnywhere() {
    assertNoTrialFails(Churn.DELETES_ANYWHERE, 2500);
  }

  @Test
  void noSurvivorIsMissedWhileRecordsAreInsertedAndDeletedAtEqualRates() {
    assertNoTrialFails(Churn.INSERTS_AND_DELETES, 2500);
  }

  @Test
  void noSurvivorIsMissedWhenTheListChangesInBursts() {
    assertNoTrialFails(Churn.BURSTS, 2500);
  }

  @Test
  void noSurvivorIsMissedWhenTheListIsQuietForLongStretchesAndPagesAreReadInBatches() {
    long batchPages = assertNoTrialFails(Churn.LONG_QUIET_STRETCHES, 2500);
    // the stretches without change are what lets the cursor send batches of pages at once
    assertThat(batchPages, is(greaterThan(0L)));
  }

  @Test
  void aListThatGrowsFasterThanItIsReadEndsTheReadWithinTheBoundOfRequests() {
    assertNoTrialFails(Churn.GROWTH_FASTER_THAN_READING, 500);
  }

  // ---- the smallest failing trials the random ones found (see each one's comment) -------------

  /**
   * A gap's record is pushed out of the page stepped back to by an insert, and the inserted record
   * is deleted before the page-1 probe that is to show whether there was an insert: the probe looks
   * like the one before the gap, but the count fell since the step back, so the gap is not closed
   * (it was, and c6 was never read, before the count was checked). Trace: a certified batch covers
   * c0..c5; the next batch (pages 4, 5) is served after c2's delete, so c6 slides to position 5
   * unread and the batch fails; page 4 ({@code [c7, c8]}, count 11 < 12) opens a gap of 1 after c5;
   * x is inserted and the step back to page 3 answers {@code [c4, c5]} (c6 is pushed to position
   * 6); x is deleted and page 1 answers {@code [c0, c1]}, as before the gap: "no insert", so page 4
   * joins, and the read goes on from c8.
   */
  @Test
  void aGapIsNotClosedWhenTheInsertThatPushedItsRecordOnIsDeletedBeforeThePageOneProbe() {
    assertScriptedTrialPasses(Trial.of(1, 2, 12, 2, "5: -c2", "9: +x", "10: -x"));
  }

  /**
   * The one case the proof leaves open (the README's "Reading" names it): as above, but a record at
   * the end of the list is deleted together with x's insert, so that no answer shows the count
   * rise. The read has seen no insert, so it takes the list for one that only loses records, and
   * closes the gap on page 1 alone: c6 is missed. This test pins the case, so that a change that
   * closes it, or widens it, shows.
   */
  @Test
  void theOpenCaseAnInsertDeletedAgainWhoseCountADeleteHidIsMissedOnce() {
    Trial trial = Trial.of(1, 2, 12, 2, "5: -c2", "9: +x -c11", "10: -x");
    assertThat(trial.run(), is("1 survivors missing: [c6]"));
  }

  /**
   * A step back that reaches page 1 counts every record of page 1 after the last prefix record as
   * the gap's, and when page 1 holds no prefix record (the prefix's records were deleted) that is
   * all of page 1, records inserted at the head since included: the insert n0 "fills" a gap of 1
   * and c3 is never read. Trace (page size 1): page 1 {@code [c1]}; batch page 2 {@code [c2]}, c2
   * deleted, page 3 {@code [c4]} (no next): c3 slid to position 1 unread, the batch fails; c1 is
   * deleted and page 2 answers {@code [c4]}, count 2 < 3: a gap of 1; n0 is inserted, the step back
   * to page 1 answers {@code [n0]}, counted as the gap's record; page 2 joins and has no next.
   */
  @Test
  void aGapIsNotClosedByRecordsInsertedAtTheHeadThatAStepBackToPageOneFinds() {
    assertScriptedTrialPasses(Trial.of(1, 1, 5, 2, "1: -c0", "3: -c2", "5: -c1", "6: +n0"));
  }

  /**
   * A page 1 whose last record was inserted since page 1 was last read (with page size 1, any page
   * 1 after an insert) is taken to reach further than the prefix, so {@code last} goes back to the
   * head and the cursor reads the list again from page 2. Here it cannot even do that: x1 is then
   * pushed to the first place of page 2, whose other record is in the prefix, so page 2 places
   * {@code last} at its first position and the cursor asks for page 2 again and again, of a list
   * that no longer changes, until its bound of requests: "the list grows too fast". In the random
   * trials the same regression re-reads the list from the head after each probe, and most reads
   * under churn run out of requests that way.
   */
  @Test
  void aPageOneOfNewRecordsDoesNotSendTheReadBackToTheHead() {
    assertScriptedTrialPasses(Trial.of(1, 2, 10, 2, "2: +x1 +x2", "5: +x3"));
  }

  // ---- running trials ------------------------------------------------------------------------

  /** Runs the trials of {@code churn}; returns the pages the cursor asked for in batches. */
  private static long assertNoTrialFails(Churn churn, int trials) {
    List<String> failures = new ArrayList<>();
    long smallestFailingSeed = 0;
    long smallestFailingAnswers = Long.MAX_VALUE;
    long batchPages = 0;
    for (int i = 0; i < trials; i++) {
      long seed = BASE_SEED + 1_000_003L * churn.ordinal() + i;
      Trial trial = new Trial(churn, seed, null, false);
      String problem = trial.run();
      batchPages += trial.batchPages;
      if (problem != null) {
        if (trial.answers < smallestFailingAnswers) {
          smallestFailingSeed = seed;
          smallestFailingAnswers = trial.answers;
        }
        failures.add(trial.describe() + ": " + problem);
      }
    }
    String reason = "";
    if (!failures.isEmpty()) {
      Trial replay = new Trial(churn, smallestFailingSeed, null, true);
      replay.run();
      reason =
          failures.size()
              + " of "
              + trials
              + " trials failed; the one with the fewest answers, replayed (changes by answer: "
              + replay.changes
              + "):\n"
              + lastLines(replay.trace.toString(), 300)
              + "\nthe failing trials";
    }
    assertThat(reason, failures.subList(0, Math.min(20, failures.size())), is(empty()));
    return batchPages;
  }

  private static String lastLines(String text, int lines) {
    String[] all = text.split("\n");
    if (all.length <= lines) {
      return text;
    }
    return "["
        + (all.length - lines)
        + " lines before]\n"
        + String.join("\n", List.of(all).subList(all.length - lines, all.length));
  }

  private static void assertScriptedTrialPasses(Trial trial) {
    String problem = trial.run();
    assertThat(String.valueOf(trial.trace), problem, is(nullValue()));
  }

  /** One read of one changing list. */
  static final class Trial implements ListCursor.Pages<Customer>, ListCursor.Sink<Customer> {
    final Churn churn;
    final long seed;
    final int pageSize;
    final int initialSize;
    final int maxBatch;

    /** Changes per answer, on average (by kind of churn: see {@link #change}). */
    final double rate;

    /** When set, the changes to make before each answer instead of random ones: see {@link #of}. */
    final @Nullable Map<Integer, List<String>> script;

    final @Nullable StringBuilder trace;

    /** Whether a batch's pages are served in the order asked (a script's), or in a random one. */
    private final boolean ordered;

    /** The churn's and the batch order's randomness, apart so that a script keeps the orders. */
    private final SplittableRandom churnRandom;

    private final SplittableRandom orderRandom;

    /** The list, newest first. */
    final List<PageItem<Customer>> list = new ArrayList<>();

    private int inserted;
    private int lastServedPage = 1;
    private int quietLeft;
    private int activeLeft;

    /** Answers served; the changes made before each, as a script (see {@link #of}) would say. */
    int answers;

    final Map<Integer, List<String>> changes = new TreeMap<>();

    long batchPages;
    long firstCount = -1;

    private @Nullable ListCursor<Customer> cursor;

    final Set<String> emitted = new HashSet<>();
    final List<String> sinkProblems = new ArrayList<>();

    Trial(Churn churn, long seed, @Nullable Map<Integer, List<String>> script, boolean traced) {
      this.churn = churn;
      this.seed = seed;
      this.script = script;
      this.trace = traced ? new StringBuilder() : null;
      this.ordered = false;
      SplittableRandom params = new SplittableRandom(seed);
      this.churnRandom = params.split();
      this.orderRandom = params.split();
      this.pageSize = PAGE_SIZES[params.nextInt(PAGE_SIZES.length)];
      this.initialSize =
          params.nextBoolean() ? params.nextInt(MAX_LIST + 1) : params.nextInt(4 * pageSize + 8);
      this.maxBatch = 2 + params.nextInt(31);
      this.rate = pageSize * (0.02 + 0.28 * params.nextDouble());
      this.quietLeft = params.nextInt(200);
      for (int i = 0; i < initialSize; i++) {
        list.add(item("c" + i));
      }
    }

    /**
     * A trial whose list changes only as {@code script} says: before answer {@code n} (from 1), the
     * changes {@code "+code"} (insert at the head) and {@code "-code"} (delete, if present). A
     * batch's pages are served in the order asked; the list starts as {@code c0 c1 ...}.
     */
    static Trial of(
        long seed, int pageSize, int initialSize, int maxBatch, String... scriptByAnswer) {
      Map<Integer, List<String>> script = new HashMap<>();
      for (String step : scriptByAnswer) {
        String[] parts = step.split(":");
        script.put(Integer.parseInt(parts[0].trim()), List.of(parts[1].trim().split("\\s+")));
      }
      return new Trial(Churn.NONE, seed, script, true, pageSize, initialSize, maxBatch);
    }

    private Trial(
        Churn churn,
        long seed,
        Map<Integer, List<String>> script,
        boolean traced,
        int pageSize,
        int initialSize,
        int maxBatch) {
      this.churn = churn;
      this.seed = seed;
      this.script = script;
      this.trace = traced ? new StringBuilder() : null;
      this.ordered = true;
      SplittableRandom params = new SplittableRandom(seed);
      this.churnRandom = params.split();
      this.orderRandom = params.split();
      this.pageSize = pageSize;
      this.initialSize = initialSize;
      this.maxBatch = maxBatch;
      this.rate = 0;
      for (int i = 0; i < initialSize; i++) {
        list.add(item("c" + i));
      }
    }

    String describe() {
      if (script != null) {
        return String.format(
            "scripted: pageSize=%d listSize=%d maxBatch=%d changes by answer %s",
            pageSize, initialSize, maxBatch, new TreeMap<>(script));
      }
      return String.format(
          "churn=%s seed=%d pageSize=%d listSize=%d maxBatch=%d rate=%.2f",
          churn, seed, pageSize, initialSize, maxBatch, rate);
    }

    private static PageItem<Customer> item(String code) {
      return PageItem.of(Customer.builder().setCode(code).build());
    }

    private static String code(PageItem<Customer> item) {
      return KEYS.apply(item.record());
    }

    /** Reads the list; returns what went wrong, or null. */
    @Nullable String run() {
      if (trace != null) {
        trace.append(describe()).append('\n');
      }
      Set<String> before = codes();
      try {
        cursor = new ListCursor<>(QUERY, this, this, maxBatch, METRICS);
        cursor.read();
      } catch (ListGrowsTooFastException e) {
        if (churn != Churn.GROWTH_FASTER_THAN_READING) {
          return note("the read stopped although the list grows slower than it is read: " + e);
        }
        long pages = Math.max(1, (firstCount + pageSize - 1) / pageSize);
        long bound = ListCursor.REQUESTS_PER_PLANNED_PAGE * pages + ListCursor.EXTRA_REQUESTS;
        return answers <= bound
            ? null
            : note("stopped only after " + answers + " answers, above its bound of " + bound);
      } catch (CursorDoesNotEnd e) {
        return note(e.getMessage());
      }
      if (!sinkProblems.isEmpty()) {
        return note("the sink's firstTime flag is wrong: " + sinkProblems);
      }
      Set<String> missing = new HashSet<>(before);
      missing.retainAll(codes());
      missing.removeAll(emitted);
      if (!missing.isEmpty()) {
        return note(
            missing.size()
                + " survivors missing: "
                + missing.stream().sorted().collect(Collectors.toList()));
      }
      return null;
    }

    private String note(String problem) {
      if (trace != null) {
        trace.append("FAILED: ").append(problem).append('\n');
      }
      return problem;
    }

    private Set<String> codes() {
      Set<String> codes = new HashSet<>();
      for (PageItem<Customer> item : list) {
        codes.add(code(item));
      }
      return codes;
    }

    // ---- the server ----------------------------------------------------------------------------

    @Override
    public PageAnswer<Customer> fetch(long number) {
      if (trace != null) {
        trace.append("fetch(").append(number).append(")\n");
      }
      return serve(number);
    }

    @Override
    public List<PageAnswer<Customer>> fetchRun(long first, long required, long most) {
      // A real run reads on past `required` while a slow answer is out: random trials read on by
      // a random number of pages, half of the time none; scripted ones never.
      long last = required;
      if (!ordered && most > required && orderRandom.nextBoolean()) {
        last += orderRandom.nextLong(most - required + 1);
      }
      List<Long> numbers = new ArrayList<>();
      for (long n = first; n <= last; n++) {
        numbers.add(n);
      }
      if (trace != null) {
        trace.append("fetchRun(").append(numbers).append(")\n");
      }
      batchPages += numbers.size();
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i++) {
        order.add(i);
      }
      for (int i = ordered ? 0 : order.size() - 1; i > 0; i--) {
        int j = orderRandom.nextInt(i + 1);
        order.set(j, order.set(i, order.get(j)));
      }
      List<@Nullable PageAnswer<Customer>> answered = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i++) {
        answered.add(null);
      }
      for (int i : order) {
        answered.set(i, serve(numbers.get(i)));
      }
      List<PageAnswer<Customer>> result = new ArrayList<>();
      for (PageAnswer<Customer> answer : answered) {
        result.add(answer);
      }
      return result;
    }

    /** One answer: the list changes, then the page is what the list holds at that moment. */
    private PageAnswer<Customer> serve(long number) {
      if (++answers > MAX_ANSWERS) {
        throw new CursorDoesNotEnd(answers);
      }
      if (trace != null) {
        trace.append("  cursor: ").append(cursorState()).append('\n');
      }
      change();
      int count = list.size();
      int pageCount = Math.max(1, (count + pageSize - 1) / pageSize);
      Page<PageItem<Customer>> page;
      if (number < 1 || number > pageCount) {
        // what the client makes of a 404 "Invalid page.": an empty page that says nothing else
        page =
            Page.<PageItem<Customer>>builder()
                .setListKey("customers")
                .setCurrentPage((int) number)
                .setRecords(List.of())
                .build();
      } else {
        int from = (int) (number - 1) * pageSize;
        int to = Math.min(count, from + pageSize);
        String url = "https://formaloo.test/v3.0/customers/?page_size=" + pageSize + "&page=";
        page =
            Page.<PageItem<Customer>>builder()
                .setListKey("customers")
                .setCount((long) count)
                .setNext(number < pageCount ? url + (number + 1) : null)
                .setPrevious(number > 1 ? url + (number - 1) : null)
                .setPageSize(pageSize)
                .setPageCount(pageCount)
                .setCurrentPage((int) number)
                .setRecords(new ArrayList<>(list.subList(from, to)))
                .build();
        lastServedPage = (int) number;
      }
      if (firstCount < 0) {
        firstCount = page.getCount() == null ? 0 : page.getCount();
      }
      if (trace != null) {
        trace
            .append("  answer #")
            .append(answers)
            .append(": page ")
            .append(number)
            .append(" = ")
            .append(page.getRecords().stream().map(Trial::code).collect(Collectors.toList()))
            .append(" count=")
            .append(page.getCount())
            .append(page.hasNext() ? " next" : " no next")
            .append('\n');
      }
      return PageAnswer.of(number, page, KEYS);
    }

    /** The cursor's covered prefix and mode, for the trace only. */
    private String cursorState() {
      return cursor == null ? "-" : cursor.toString();
    }

    // ---- the churn -----------------------------------------------------------------------------

    /** The changes made just before an answer is served. */
    private void change() {
      if (script != null) {
        for (String step : script.getOrDefault(answers, List.of())) {
          String code = step.substring(1);
          if (step.charAt(0) == '+') {
            insert(code);
          } else {
            delete(code);
          }
        }
        snapshot();
        return;
      }
      switch (churn) {
        case NONE:
          break;
        case INSERTS_AT_THE_HEAD:
          for (int i = events(rate); i > 0; i--) {
            insert(null);
          }
          break;
        case DELETES_ANYWHERE:
          for (int i = events(rate); i > 0; i--) {
            deleteSomewhere();
          }
          break;
        case INSERTS_AND_DELETES:
          mixed(events(rate), events(rate));
          break;
        case BURSTS:
          if (churnRandom.nextInt(20) == 0) {
            int size = 1 + churnRandom.nextInt(3 * pageSize);
            switch (churnRandom.nextInt(3)) {
              case 0:
                mixed(size, 0);
                break;
              case 1:
                mixed(0, size);
                break;
              default:
                mixed(size / 2, size - size / 2);
            }
          }
          break;
        case LONG_QUIET_STRETCHES:
          if (quietLeft > 0) {
            quietLeft--;
          } else if (activeLeft > 0) {
            activeLeft--;
            mixed(churnRandom.nextInt(2), churnRandom.nextInt(2));
          } else {
            quietLeft = 20 + churnRandom.nextInt(300);
            activeLeft = 1 + churnRandom.nextInt(4);
          }
          break;
        case GROWTH_FASTER_THAN_READING:
          for (int i = pageSize + 1 + churnRandom.nextInt(pageSize); i > 0; i--) {
            insert(null);
          }
          break;
      }
      snapshot();
    }

    private void snapshot() {
      if (trace != null && list.size() <= 60) {
        trace
            .append("  list: ")
            .append(list.stream().map(Trial::code).collect(Collectors.joining(" ")))
            .append('\n');
      }
    }

    /** {@code rate} changes on average: its whole part, and one more with its fraction's chance. */
    private int events(double rate) {
      int n = (int) rate;
      return churnRandom.nextDouble() < rate - n ? n + 1 : n;
    }

    /** Inserts and deletes in a random order. */
    private void mixed(int inserts, int deletes) {
      while (inserts + deletes > 0) {
        if (churnRandom.nextInt(inserts + deletes) < inserts) {
          inserts--;
          insert(null);
        } else {
          deletes--;
          deleteSomewhere();
        }
      }
    }

    private void insert(@Nullable String code) {
      String c = code != null ? code : "n" + inserted++;
      list.add(0, item(c));
      log("+" + c);
    }

    private void delete(String code) {
      for (int i = 0; i < list.size(); i++) {
        if (code(list.get(i)).equals(code)) {
          list.remove(i);
          log("-" + code);
          return;
        }
      }
    }

    /** Anywhere, near the head (where new records are), or near the page served last. */
    private void deleteSomewhere() {
      int n = list.size();
      if (n == 0) {
        return;
      }
      int at;
      switch (churnRandom.nextInt(3)) {
        case 0:
          at = churnRandom.nextInt(n);
          break;
        case 1:
          at = churnRandom.nextInt(Math.min(n, 2 * pageSize));
          break;
        default:
          int from = Math.max(0, (lastServedPage - 2) * pageSize);
          at = Math.min(n - 1, from + churnRandom.nextInt(3 * pageSize));
      }
      String c = code(list.remove(at));
      log("-" + c);
    }

    private void log(String change) {
      changes.computeIfAbsent(answers, k -> new ArrayList<>()).add(change);
      if (trace != null) {
        trace.append("  before answer #").append(answers).append(": ").append(change).append('\n');
      }
    }

    // ---- the sink ------------------------------------------------------------------------------

    @Override
    public void record(Customer record, boolean firstTime) {
      String code = KEYS.apply(record);
      boolean isNew = emitted.add(code);
      if (isNew != firstTime) {
        sinkProblems.add(code + (firstTime ? " again with firstTime" : " first without firstTime"));
      }
    }

    @Override
    public void unreadable(long page, String json, String reason) {
      sinkProblems.add("an unreadable item on page " + page);
    }

    @Override
    public void failedPage(long page, FormalooException failure) {
      sinkProblems.add("a failed page " + page);
    }
  }

  /** The cursor asked for far more pages than any read may. */
  private static final class CursorDoesNotEnd extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CursorDoesNotEnd(long answers) {
      super("the cursor does not end: " + answers + " answers");
    }
  }
}
