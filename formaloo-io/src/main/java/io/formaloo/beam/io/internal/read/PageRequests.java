package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListQuery;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The requests of one {@link ListCursor}: each answer goes to the {@link SeenRecords} as it
 * arrives, the answers of page 1 are kept as probes, inserts are noticed, and the read's work is
 * bounded (a list that grows as fast as it is read would never end).
 */
final class PageRequests<T> {
  /** The requests a read may send: this many times the pages the list had, plus a margin. */
  static final int REQUESTS_PER_PLANNED_PAGE = 6;

  static final int EXTRA_REQUESTS = 64;

  private final ListQuery<T> query;
  private final SeenRecords<T> seen;
  private final CoveredPrefix<T> prefix;
  private final ReadMetrics metrics;
  private ListCursor.Pages<T> pages;

  private long requests;
  private long budget;
  private long plannedCount;
  private long lastSequentialCount = -1;
  private long lowestCount = Long.MAX_VALUE;

  /** The latest answer of page 1, and the request that brought it. */
  private @Nullable PageAnswer<T> probe;

  private long probeRequest;

  /** Whether the read has seen a record inserted (a new first record on page 1, a count risen). */
  private boolean insertsSeen;

  PageRequests(
      ListQuery<T> query,
      ListCursor.Pages<T> pages,
      SeenRecords<T> seen,
      CoveredPrefix<T> prefix,
      ReadMetrics metrics) {
    this.query = query;
    this.pages = pages;
    this.seen = seen;
    this.prefix = prefix;
    this.metrics = metrics;
  }

  void bind(ListCursor.Pages<T> pages) {
    this.pages = pages;
  }

  /** The bound of the read's requests, from the list's size in its first answer. */
  void plan(long count, int pageSize) {
    plannedCount = count;
    budget =
        REQUESTS_PER_PLANNED_PAGE * Math.max(1, (count + pageSize - 1) / pageSize) + EXTRA_REQUESTS;
  }

  /** A second pass may spend as much again as the first was allowed. */
  void planSecondPass() {
    budget = requests + budget;
  }

  boolean insertsSeen() {
    return insertsSeen;
  }

  /** The latest answer of page 1, if any. */
  @Nullable PageAnswer<T> latestProbe() {
    return probe;
  }

  /** The latest answer of page 1 if no request went out since, else a new one. */
  PageAnswer<T> freshProbe() {
    return probe != null && probeRequest == requests ? probe : fetchProbe();
  }

  PageAnswer<T> fetchProbe() {
    PageAnswer<T> answer = fetch(1);
    metrics.probePages.inc();
    if (!answer.failed()) {
      if (probe != null && ListChanges.insertedBetween(probe, answer)) {
        insertsSeen = true;
      }
      probe = answer;
      probeRequest = requests;
    }
    return answer;
  }

  PageAnswer<T> fetch(long number) {
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
    seen.received(answer);
    return answer;
  }

  /** See {@link ListCursor.Pages#fetchRun}; the pages read on stay within the bound too. */
  List<PageAnswer<T>> fetchRun(long first, long required, long most) {
    withinBudget(Math.toIntExact(required - first + 1));
    long allowed = budget > 0 ? budget + 2 * lost() - requests : Long.MAX_VALUE;
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
      seen.received(answer);
    }
    return answers;
  }

  /** A list that loses records ends, however it is read: each record it lost buys two requests. */
  private long lost() {
    return Math.max(0, plannedCount - lowestCount);
  }

  private void withinBudget(int more) {
    if (budget > 0 && requests + more > budget + 2 * lost()) {
      throw new ListGrowsTooFastException(query, requests, plannedCount, prefix.countThen());
    }
  }
}
