package io.formaloo.beam.io.internal.read;

import java.util.HashSet;
import java.util.List;

/** What two answers of page 1 (and the pages asked for between them) show of a list's changes. */
final class ListChanges {
  private ListChanges() {}

  /**
   * Whether a record entered the list between two answers of page 1: new records enter at the head,
   * so the later answer's first record is then one the earlier did not hold.
   */
  static boolean insertedBetween(PageAnswer<?> earlier, PageAnswer<?> later) {
    List<String> now = later.identities();
    if (now.isEmpty()) {
      return false;
    }
    return !new HashSet<>(earlier.identities()).contains(now.get(0));
  }

  /**
   * Whether the list was the same from {@code start} to {@code end}, two answers of page 1: the
   * same page 1, the same count, and every page between with that count and page size (a page past
   * the end, with no count, where a list of that count has none). {@code pageSize}: the size the
   * read knows, for an answer that does not say.
   */
  static <T> boolean stillBetween(
      PageAnswer<T> start, PageAnswer<T> end, List<PageAnswer<T>> answers, int pageSize) {
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
}
