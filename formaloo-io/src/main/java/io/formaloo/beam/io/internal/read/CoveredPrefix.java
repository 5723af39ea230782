package io.formaloo.beam.io.internal.read;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one fact a {@link ListCursor} keeps: every record from the head of the list to the record
 * {@code last} has been read. It says whether an answer joins on, and extends itself by the answers
 * that do; the cursor decides which answers to ask for.
 */
final class CoveredPrefix<T> {
  private static final int MAX_EMPTY_ANSWERS_IN_A_ROW = 3;

  private final SeenRecords<T> seen;

  private @Nullable String last;

  /** Where {@code last} stood (from 0) in the answer that last placed it, or a lower bound. */
  private long lastPosition = -1;

  /** The list's size in that answer. */
  private long countThen;

  private int pageSize;

  /** The next answer joins the prefix whatever it holds: the page before it could not be read. */
  private boolean afterFailedPage;

  /** The page number of the latest answer that joined the prefix, and whether it had a next. */
  private long lastJoinedPage;

  private boolean lastJoinedHadNext;

  /**
   * Empty answers past a page that links to a next one: a list that shrinks at its end, or a server
   * whose links promise pages it does not have; after a few, the list is taken to end there.
   */
  private int emptyAnswersInARow;

  CoveredPrefix(SeenRecords<T> seen) {
    this.seen = seen;
  }

  /** The read starts: the first answer of page 1 gave the list's page size and count. */
  void start(int pageSize, long count) {
    this.pageSize = pageSize;
    this.countThen = count;
  }

  /** The prefix is empty again: a second pass reads the list from its head. */
  void clear() {
    last = null;
    lastPosition = -1;
    afterFailedPage = false;
  }

  /**
   * Page 1, read stepping back, holds no record of the prefix: the prefix starts again there (the
   * caller extends it by that page).
   */
  void restartAt(PageAnswer<T> page1) {
    last = null;
    lastPosition = -1;
    countThen = page1.count(countThen);
  }

  long countThen() {
    return countThen;
  }

  int pageSize() {
    return pageSize;
  }

  long lastPosition() {
    return lastPosition;
  }

  /** The page that holds the place right after {@code last}. */
  long nextPage() {
    return pageOf(lastPosition + 1);
  }

  long pageOf(long position) {
    return Math.max(0, position) / Math.max(1, pageSize) + 1;
  }

  /**
   * Whether {@code answer} joins on by identity: page 1, after a failed page, or a shared record.
   */
  boolean joinsByIdentity(PageAnswer<T> answer) {
    return answer.number == 1 || afterFailedPage || lastIndexIn(answer) >= 0;
  }

  /** The index in {@code answer} of its last record of the prefix, or -1. */
  int lastIndexIn(PageAnswer<T> answer) {
    return seen.lastCoveredIndex(answer);
  }

  /**
   * Whether what {@code answer} holds after its last record of the prefix lies after {@code last}:
   * so when it holds a record of the prefix (records never come between two others), or when the
   * prefix is empty or broken by a failed page. Page 1 without a record of the prefix may hold
   * records inserted at the head, which lie before {@code last}.
   */
  boolean follows(PageAnswer<T> answer) {
    return last == null || afterFailedPage || lastIndexIn(answer) >= 0;
  }

  /**
   * An answer that joins the prefix: the prefix now reaches its last record, if that is further.
   * {@code follows}: whether its records after the prefix's lie after {@code last} (see {@link
   * #follows}); if they may not, the answer only ends the read when it is the whole list. Returns
   * whether the list ends with this answer.
   */
  boolean extend(PageAnswer<T> answer, boolean follows) {
    if (!follows) {
      return answer.number == 1 && !answer.hasNext(); // page 1 is then the whole list
    }
    afterFailedPage = false;
    lastJoinedPage = answer.number;
    lastJoinedHadNext = answer.hasNext();
    pageSize = answer.pageSize(pageSize);
    long start = answer.start(pageSize);
    long count = answer.count(countThen);
    if (answer.isEmpty()) {
      return answer.number == 1;
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
            && (!seen.covered(lastHere) || (lastSeenAt >= 0 && lastIndex > lastSeenAt));
    seen.cover(answer);
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
    return !answer.hasNext();
  }

  /** A page that could not be read: the prefix goes on after it, from whatever comes next. */
  void skip(PageAnswer<T> failed) {
    lastPosition = Math.max(lastPosition, failed.number * (long) Math.max(1, pageSize) - 1);
    afterFailedPage = true;
  }

  /**
   * Page {@code number} came back empty: returns how many times in a row that happened right after
   * the prefix's last page, which linked to a next one.
   */
  int emptyAnswerAt(long number) {
    boolean promised = number == lastJoinedPage + 1 && lastJoinedHadNext;
    emptyAnswersInARow = promised ? emptyAnswersInARow + 1 : 0;
    return emptyAnswersInARow;
  }

  /** Whether the server kept promising a next page that it then answered empty. */
  static boolean tooManyEmptyAnswers(int inARow) {
    return inARow > MAX_EMPTY_ANSWERS_IN_A_ROW;
  }

  @Override
  public String toString() {
    return "last=" + last + " lastPosition=" + lastPosition + " countThen=" + countThen;
  }
}
