package io.formaloo.beam.io.internal.write;

import static io.formaloo.beam.io.FormalooMetrics.NAMESPACE;

import io.formaloo.beam.io.FormalooMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The writes' metrics, in namespace {@code formaloo} beside the client's own: requests, responses
 * by status class, retries, 429s, {@code request_latency_ms}, and the time spent throttled (Beam's
 * {@code throttling-msecs}).
 */
final class WriteMetrics {
  final Counter written = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_RECORDS_WRITTEN);
  final Counter failed = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_RECORDS_FAILED);

  /** Records that failed the checks made before sending (also counted as failed). */
  final Counter invalid = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_RECORDS_INVALID);

  /**
   * Records sent more than once: their request was retried by the client, or their bulk import job
   * was started again, or they were written one by one after their job failed.
   */
  final Counter retried = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_RECORDS_RETRIED);

  final Counter batches = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BATCHES);
  final Distribution batchRecords =
      Metrics.distribution(NAMESPACE, FormalooMetrics.WRITE_BATCH_RECORDS);

  final Counter jobsStarted = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_JOBS_STARTED);
  final Counter jobsImported = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_JOBS_IMPORTED);

  /** Jobs that ended failed or canceled. */
  final Counter jobsFailed = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_JOBS_FAILED);

  final Counter jobsTimedOut =
      Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_JOBS_TIMED_OUT);

  /**
   * Rows of imported jobs whose outcome the job's answer gave: named failed, or imported by counts
   * that add up.
   */
  final Counter bulkRowsConfirmedByAnswer =
      Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_ROWS_CONFIRMED_BY_ANSWER);

  /**
   * Rows of imported jobs that the answer did not account for, written again on their own to learn
   * their outcome: the slower path a user should see when it is taken.
   */
  final Counter bulkRowsConfirmedOneByOne =
      Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_ROWS_CONFIRMED_ONE_BY_ONE);

  /** Rows of imported jobs that did not land: named failed, or refused when written alone. */
  final Counter bulkRowsFailed = Metrics.counter(NAMESPACE, FormalooMetrics.WRITE_BULK_ROWS_FAILED);
}
