package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.PageItem;
import io.formaloo.beam.io.read.ListQuery;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link ListCursor} has read: every record by key, and whether it lies in the covered
 * prefix yet. It sends each answer's records on as they arrive ({@link ListCursor.Sink}), each
 * unreadable item and failed page once, and checks the order the cursor relies on.
 */
final class SeenRecords<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ListCursor.class);

  private final ListQuery<T> query;
  private final ReadMetrics metrics;
  private ListCursor.Sink<T> sink;

  /** Every record this read has seen, by key: true once it lies in the covered prefix. */
  private final Map<String, Boolean> known = new HashMap<>();

  private final Set<String> unreadableSeen = new HashSet<>();
  private final Set<Long> failedPagesReported = new HashSet<>();

  private boolean orderDoubted;

  SeenRecords(ListQuery<T> query, ListCursor.Sink<T> sink, ReadMetrics metrics) {
    this.query = query;
    this.sink = sink;
    this.metrics = metrics;
  }

  void bind(ListCursor.Sink<T> sink) {
    this.sink = sink;
  }

  /** Whether the record of {@code key} lies in the covered prefix. */
  boolean covered(String key) {
    return Boolean.TRUE.equals(known.get(key));
  }

  /** Every record of {@code answer} now lies in the covered prefix. */
  void cover(PageAnswer<T> answer) {
    for (String key : answer.keys()) {
      if (key != null) {
        known.put(key, Boolean.TRUE);
      }
    }
  }

  /** The prefix starts again from nothing (a second pass); the records stay seen. */
  void uncoverAll() {
    known.replaceAll((key, covered) -> Boolean.FALSE);
  }

  /** The index in {@code answer} of its last record that lies in the covered prefix, or -1. */
  int lastCoveredIndex(PageAnswer<T> answer) {
    List<String> keys = answer.keys();
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      if (key != null && covered(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a record turned up that broke the order the cursor relies on. */
  boolean orderDoubted() {
    return orderDoubted;
  }

  /** Every answer's records go out as they arrive, each once; then the order check. */
  void received(PageAnswer<T> answer) {
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

  /** A page that failed after the client's retries: reported once, however often it is asked. */
  void failedPage(PageAnswer<T> answer) {
    if (failedPagesReported.add(answer.number)) {
      metrics.failedPages.inc();
      sink.failedPage(answer.number, answer.failure());
    }
  }

  /** A record never seen before between two records of the prefix: see {@link ListCursor}. */
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
