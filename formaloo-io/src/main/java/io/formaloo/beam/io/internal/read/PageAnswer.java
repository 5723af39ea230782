package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.PageItem;
import io.formaloo.beam.io.model.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One answer to a page request as {@link ListCursor} reasons about it: the page number asked for,
 * the items in the order the server sent them, each item's identity (a record's key; null for an
 * item that did not map onto the model), and what the answer said of the whole list. Or, for a page
 * that failed after the client's retries, the failure.
 *
 * @param <T> the records of the list
 */
final class PageAnswer<T> {
  final long number;
  private final @Nullable Page<PageItem<T>> page;
  private final @Nullable FormalooException failure;
  private final List<@Nullable String> keys;
  private @Nullable Set<String> keySet;

  private PageAnswer(
      long number,
      @Nullable Page<PageItem<T>> page,
      @Nullable FormalooException failure,
      List<@Nullable String> keys) {
    this.number = number;
    this.page = page;
    this.failure = failure;
    this.keys = keys;
  }

  static <T> PageAnswer<T> of(
      long number, Page<PageItem<T>> page, SerializableFunction<T, String> keyOf) {
    List<@Nullable String> keys = new ArrayList<>(page.getRecords().size());
    for (PageItem<T> item : page.getRecords()) {
      T record = item.record();
      keys.add(record == null ? null : keyOf.apply(record));
    }
    return new PageAnswer<>(number, page, null, Collections.unmodifiableList(keys));
  }

  static <T> PageAnswer<T> failed(long number, FormalooException failure) {
    return new PageAnswer<>(number, null, failure, List.of());
  }

  boolean failed() {
    return failure != null;
  }

  @Nullable FormalooException failure() {
    return failure;
  }

  List<PageItem<T>> items() {
    return page == null ? List.of() : page.getRecords();
  }

  /** The identity of each item, in order; null where an item did not map onto the model. */
  List<@Nullable String> keys() {
    return keys;
  }

  Set<String> keySet() {
    if (keySet == null) {
      Set<String> set = new HashSet<>();
      for (String key : keys) {
        if (key != null) {
          set.add(key);
        }
      }
      keySet = set;
    }
    return keySet;
  }

  int size() {
    return keys.size();
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  boolean hasNext() {
    return page != null && page.hasNext();
  }

  /** The list's size when this page was served; null if the answer did not say (a 404). */
  @Nullable Long count() {
    return page == null ? null : page.getCount();
  }

  long count(long otherwise) {
    Long count = count();
    return count != null ? count : otherwise;
  }

  int pageSize(int otherwise) {
    Integer size = page == null ? null : page.getPageSize();
    return size != null && size > 0 ? size : otherwise;
  }

  /** The position in the list (from 0) of this page's first item, at the page size it answered. */
  long start(int pageSizeOtherwise) {
    return (number - 1) * pageSize(pageSizeOtherwise);
  }

  int indexOf(String key) {
    return keys.indexOf(key);
  }

  /** The index of the last item with an identity; -1 if there is none. */
  int lastKeyIndex() {
    for (int i = keys.size() - 1; i >= 0; i--) {
      if (keys.get(i) != null) {
        return i;
      }
    }
    return -1;
  }

  /** What two answers of page 1 are compared by: every item, unreadable ones by their JSON. */
  List<String> identities() {
    List<String> ids = new ArrayList<>(keys.size());
    List<PageItem<T>> items = items();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      ids.add(key != null ? key : "json:" + items.get(i).json());
    }
    return ids;
  }

  @Override
  public String toString() {
    return "page " + number;
  }
}
