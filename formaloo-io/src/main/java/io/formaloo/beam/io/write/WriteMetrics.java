package io.formaloo.beam.io.write;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The writes' metrics, in namespace {@code formaloo} beside the client's own: requests, responses
 * by status class, retries, 429s, {@code request_latency_ms}, and the time spent throttled (Beam's
 * {@code throttling-msecs}).
 */
final class WriteMetrics {
  static final String NAMESPACE = "formaloo";

  final Counter written = Metrics.counter(NAMESPACE, "write_records_written");
  final Counter failed = Metrics.counter(NAMESPACE, "write_records_failed");

  /** Records that failed the checks made before sending (also counted as failed). */
  final Counter invalid = Metrics.counter(NAMESPACE, "write_records_invalid");

  /**
   * Records sent more than once: their request was retried by the client, or their bulk import job
   * was started again, or they were written one by one after their job failed.
   */
  final Counter retried = Metrics.counter(NAMESPACE, "write_records_retried");

  final Counter batches = Metrics.counter(NAMESPACE, "write_batches");
  final Distribution batchRecords = Metrics.distribution(NAMESPACE, "write_batch_records");

  final Counter jobsStarted = Metrics.counter(NAMESPACE, "write_bulk_jobs_started");
  final Counter jobsImported = Metrics.counter(NAMESPACE, "write_bulk_jobs_imported");

  /** Jobs that ended failed or canceled. */
  final Counter jobsFailed = Metrics.counter(NAMESPACE, "write_bulk_jobs_failed");

  final Counter jobsTimedOut = Metrics.counter(NAMESPACE, "write_bulk_jobs_timed_out");

  /**
   * Rows of imported jobs whose outcome the job's answer gave: named failed, or imported by counts
   * that add up.
   */
  final Counter bulkRowsConfirmedByAnswer =
      Metrics.counter(NAMESPACE, "write_bulk_rows_confirmed_by_answer");

  /**
   * Rows of imported jobs that the answer did not account for, written again on their own to learn
   * their outcome: the slower path a user should see when it is taken.
   */
  final Counter bulkRowsConfirmedOneByOne =
      Metrics.counter(NAMESPACE, "write_bulk_rows_confirmed_one_by_one");

  /** Rows of imported jobs that did not land: named failed, or refused when written alone. */
  final Counter bulkRowsFailed = Metrics.counter(NAMESPACE, "write_bulk_rows_failed");
}
