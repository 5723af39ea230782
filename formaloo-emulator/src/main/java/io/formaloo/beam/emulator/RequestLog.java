package io.formaloo.beam.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The most recent requests (a bounded log, so a long soak cannot exhaust memory) and a counter per
 * endpoint that is never trimmed.
 */
final class RequestLog {
  private final int capacity;
  private final Deque<RequestLogEntry> recent = new ArrayDeque<>();
  private final Map<String, LongAdder> perEndpoint = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> perStatus = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final AtomicLong events = new AtomicLong();

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  /** The next position on the event count that arrivals and answers share. */
  long nextEvent() {
    return events.incrementAndGet();
  }

  void record(RequestLogEntry entry) {
    total.increment();
    perEndpoint.computeIfAbsent(entry.endpoint(), k -> new LongAdder()).increment();
    perStatus.computeIfAbsent(entry.status(), k -> new LongAdder()).increment();
    synchronized (recent) {
      if (recent.size() == capacity) {
        recent.removeFirst();
      }
      recent.addLast(entry);
    }
  }

  List<RequestLogEntry> entries() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }

  long endpointCount(String endpoint) {
    LongAdder count = perEndpoint.get(endpoint);
    return count == null ? 0 : count.sum();
  }

  Map<String, Long> endpointCounts() {
    Map<String, Long> counts = new TreeMap<>();
    perEndpoint.forEach((k, v) -> counts.put(k, v.sum()));
    return counts;
  }

  Map<Integer, Long> statusCounts() {
    Map<Integer, Long> counts = new TreeMap<>();
    perStatus.forEach((k, v) -> counts.put(k, v.sum()));
    return counts;
  }

  long total() {
    return total.sum();
  }

  void clear() {
    synchronized (recent) {
      recent.clear();
    }
    perEndpoint.clear();
    perStatus.clear();
    total.reset();
  }
}
