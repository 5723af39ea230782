package io.formaloo.beam.io.internal.read;

import static io.formaloo.beam.io.FormalooMetrics.NAMESPACE;

import io.formaloo.beam.io.FormalooMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The reads' metrics, in namespace {@code formaloo} beside the client's (requests, retries, 429s,
 * latency, throttled time). See {@link ListCursor} for what the cursor's counters count.
 */
final class ReadMetrics {
  final Counter queries = Metrics.counter(NAMESPACE, FormalooMetrics.READ_QUERIES);
  final Counter pages = Metrics.counter(NAMESPACE, FormalooMetrics.READ_PAGES);
  final Counter records = Metrics.counter(NAMESPACE, FormalooMetrics.READ_RECORDS);

  /** Records read again (page shifting), not emitted again. */
  final Counter repeatedRecords = Metrics.counter(NAMESPACE, FormalooMetrics.READ_REPEATED_RECORDS);

  /** Answers of page 1 asked for to see whether the list changed. */
  final Counter probePages = Metrics.counter(NAMESPACE, FormalooMetrics.READ_PROBE_PAGES);

  /** Batches of pages in flight that the list did not change under, and those it did. */
  final Counter certifiedBatches = Metrics.counter(NAMESPACE, FormalooMetrics.READ_BATCHES_STILL);

  final Counter uncertifiedBatches =
      Metrics.counter(NAMESPACE, FormalooMetrics.READ_BATCHES_CHANGED);

  /** Places where the list shrank between two pages, and pages read again to close them. */
  final Counter gaps = Metrics.counter(NAMESPACE, FormalooMetrics.READ_GAPS);

  final Counter stepBackPages = Metrics.counter(NAMESPACE, FormalooMetrics.READ_STEP_BACK_PAGES);

  /** Times the proven prefix started again from page 1, its records near the head all gone. */
  final Counter restarts = Metrics.counter(NAMESPACE, FormalooMetrics.READ_RESTARTS);

  /** Items that did not map onto the model, and pages that failed after the retries. */
  final Counter unreadableRecords =
      Metrics.counter(NAMESPACE, FormalooMetrics.READ_UNREADABLE_RECORDS);

  final Counter failedPages = Metrics.counter(NAMESPACE, FormalooMetrics.READ_FAILED_PAGES);

  /** Lists read a second time because they did not keep the order the cursor relies on. */
  final Counter secondPasses = Metrics.counter(NAMESPACE, FormalooMetrics.READ_SECOND_PASSES);
}
