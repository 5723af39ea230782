package io.formaloo.beam.io;

/**
 * The names of the Beam metrics the connector reports, all in namespace {@value #NAMESPACE}: read
 * them from a {@code PipelineResult} with {@code MetricNameFilter.named(FormalooMetrics.NAMESPACE,
 * FormalooMetrics.REQUESTS)}. Counters unless said otherwise.
 *
 * <p>Names are fixed strings: nothing a request carries (credentials, paths, queries) ever becomes
 * part of a metric. Time spent waiting on the rate limit or a {@code Retry-After} is not here but
 * in Beam's own {@code beam-throttling-metrics} / {@code throttling-msecs} counter ({@code
 * Metrics.THROTTLE_TIME_NAMESPACE}, {@code Metrics.THROTTLE_TIME_COUNTER_NAME}), which autoscaling
 * runners read.
 */
public final class FormalooMetrics {
  private FormalooMetrics() {}

  /** The namespace of every metric the connector reports. */
  public static final String NAMESPACE = "formaloo";

  // ---- the client: every HTTP request, reads and writes alike ----------------------------------

  /** HTTP requests sent to the API, retries and token requests included. */
  public static final String REQUESTS = "requests";

  /** Answers with a 1xx status. */
  public static final String RESPONSES_1XX = "responses_1xx";

  /** Answers with a 2xx status. */
  public static final String RESPONSES_2XX = "responses_2xx";

  /** Answers with a 3xx status. */
  public static final String RESPONSES_3XX = "responses_3xx";

  /** Answers with a 4xx status, the 429s included. */
  public static final String RESPONSES_4XX = "responses_4xx";

  /** Answers with a 5xx status. */
  public static final String RESPONSES_5XX = "responses_5xx";

  /** Answers 429 Too Many Requests: the API's rate limit refused a request. */
  public static final String RATE_LIMITED = "responses_429";

  /** Requests sent again after a retryable failure (429, 5xx, timeout, broken connection). */
  public static final String RETRIES = "retries";

  /** Requests that got no answer: the connection failed or timed out. */
  public static final String CONNECTION_FAILURES = "connection_failures";

  /** Requests for an access token (the token flow of {@code AuthFlow}). */
  public static final String TOKEN_REQUESTS = "token_requests";

  /** A distribution: each request's time until its answer or failure, in milliseconds. */
  public static final String REQUEST_LATENCY_MS = "request_latency_ms";

  // ---- reads -----------------------------------------------------------------------------------

  /** Queries (lists, or days of a list) planned from their first page. */
  public static final String READ_QUERIES = "read_queries";

  /** Pages read and emitted from. */
  public static final String READ_PAGES = "read_pages";

  /** Records emitted by the reads. */
  public static final String READ_RECORDS = "read_records";

  /** Records read again because the list shifted under the read, and not emitted again. */
  public static final String READ_REPEATED_RECORDS = "read_repeated_records";

  /** Answers of page 1 asked for to see whether the list changed while it was read. */
  public static final String READ_PROBE_PAGES = "read_probe_pages";

  /** Batches of pages in flight that the list did not change under. */
  public static final String READ_BATCHES_STILL = "read_batches_still";

  /** Batches of pages in flight that the list changed under, read again a page at a time. */
  public static final String READ_BATCHES_CHANGED = "read_batches_changed";

  /** Places where the list shrank between two pages, so that records could have been skipped. */
  public static final String READ_GAPS = "read_gaps";

  /** Pages read again, stepping back, to close the gaps. */
  public static final String READ_STEP_BACK_PAGES = "read_step_back_pages";

  /** Times the proven prefix of a list started again from page 1, its head records all gone. */
  public static final String READ_RESTARTS = "read_restarts";

  /** Items of a page that did not map onto the model. */
  public static final String READ_UNREADABLE_RECORDS = "read_unreadable_records";

  /** Pages that failed after the client's retries. */
  public static final String READ_FAILED_PAGES = "read_failed_pages";

  /** Lists read a second time because they did not keep the order the read relies on. */
  public static final String READ_SECOND_PASSES = "read_second_passes";

  // ---- writes ----------------------------------------------------------------------------------

  /** Records the API confirmed written. */
  public static final String WRITE_RECORDS_WRITTEN = "write_records_written";

  /** Records that did not land, for any reason: each is one element of the write's failures. */
  public static final String WRITE_RECORDS_FAILED = "write_records_failed";

  /** Records that failed the checks made before sending (also counted as failed). */
  public static final String WRITE_RECORDS_INVALID = "write_records_invalid";

  /**
   * Records sent more than once: their request was retried by the client, or their bulk import job
   * was started again, or they were written one by one after their job failed.
   */
  public static final String WRITE_RECORDS_RETRIED = "write_records_retried";

  /** Batches written. */
  public static final String WRITE_BATCHES = "write_batches";

  /** A distribution: the records of each batch written. */
  public static final String WRITE_BATCH_RECORDS = "write_batch_records";

  /** Bulk import jobs started. */
  public static final String WRITE_BULK_JOBS_STARTED = "write_bulk_jobs_started";

  /** Bulk import jobs that ended imported. */
  public static final String WRITE_BULK_JOBS_IMPORTED = "write_bulk_jobs_imported";

  /** Bulk import jobs that ended failed or canceled. */
  public static final String WRITE_BULK_JOBS_FAILED = "write_bulk_jobs_failed";

  /** Bulk import jobs that did not end within the write's bulk import timeout. */
  public static final String WRITE_BULK_JOBS_TIMED_OUT = "write_bulk_jobs_timed_out";

  /**
   * Rows of imported jobs whose outcome the job's answer gave: named failed, or imported by counts
   * that add up.
   */
  public static final String WRITE_BULK_ROWS_CONFIRMED_BY_ANSWER =
      "write_bulk_rows_confirmed_by_answer";

  /**
   * Rows of imported jobs that the answer did not account for, written again on their own to learn
   * their outcome: the slower path a user should see when it is taken.
   */
  public static final String WRITE_BULK_ROWS_CONFIRMED_ONE_BY_ONE =
      "write_bulk_rows_confirmed_one_by_one";

  /** Rows of imported jobs that did not land: named failed, or refused when written alone. */
  public static final String WRITE_BULK_ROWS_FAILED = "write_bulk_rows_failed";
}
