package io.formaloo.beam.io.read;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The reads' metrics, in namespace {@code formaloo} beside the client's (requests, retries, 429s,
 * latency, throttled time). See {@link ListCursor} for what the cursor's counters count.
 */
final class ReadMetrics {
  static final String NAMESPACE = "formaloo";

  final Counter queries = Metrics.counter(NAMESPACE, "read_queries");
  final Counter pages = Metrics.counter(NAMESPACE, "read_pages");
  final Counter records = Metrics.counter(NAMESPACE, "read_records");

  /** Records read again (page shifting), not emitted again. */
  final Counter repeatedRecords = Metrics.counter(NAMESPACE, "read_repeated_records");

  /** Answers of page 1 asked for to see whether the list changed. */
  final Counter probePages = Metrics.counter(NAMESPACE, "read_probe_pages");

  /** Batches of pages in flight that the list did not change under, and those it did. */
  final Counter certifiedBatches = Metrics.counter(NAMESPACE, "read_batches_still");

  final Counter uncertifiedBatches = Metrics.counter(NAMESPACE, "read_batches_changed");

  /** Places where the list shrank between two pages, and pages read again to close them. */
  final Counter gaps = Metrics.counter(NAMESPACE, "read_gaps");

  final Counter stepBackPages = Metrics.counter(NAMESPACE, "read_step_back_pages");

  /** Times the proven prefix started again from page 1, its records near the head all gone. */
  final Counter restarts = Metrics.counter(NAMESPACE, "read_restarts");

  /** Items that did not map onto the model, and pages that failed after the retries. */
  final Counter unreadableRecords = Metrics.counter(NAMESPACE, "read_unreadable_records");

  final Counter failedPages = Metrics.counter(NAMESPACE, "read_failed_pages");

  /** Lists read a second time because they did not keep the order the cursor relies on. */
  final Counter secondPasses = Metrics.counter(NAMESPACE, "read_second_passes");
}
