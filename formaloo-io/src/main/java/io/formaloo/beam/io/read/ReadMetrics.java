package io.formaloo.beam.io.read;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The reads' metrics, in namespace {@code formaloo} beside the client's (requests, retries, 429s,
 * latency, throttled time).
 */
final class ReadMetrics {
  static final String NAMESPACE = "formaloo";

  final Counter queries = Metrics.counter(NAMESPACE, "read_queries");
  final Counter pages = Metrics.counter(NAMESPACE, "read_pages");
  final Counter records = Metrics.counter(NAMESPACE, "read_records");

  /** Pages read again because the list shrank while it was read (records slid back a page). */
  final Counter lookBackPages = Metrics.counter(NAMESPACE, "read_look_back_pages");

  /** Pages read past a restriction because the list grew while it was read. */
  final Counter lookAheadPages = Metrics.counter(NAMESPACE, "read_look_ahead_pages");

  /** Pages that did not exist when the read was planned, followed through {@code next}. */
  final Counter tailPages = Metrics.counter(NAMESPACE, "read_tail_pages");
}
