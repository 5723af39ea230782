package io.formaloo.beam.io.client;

/**
 * What a caller should do about a {@link FormalooException}, after the client's own retries.
 *
 * <p>Modelled on the taxonomy of Beam's {@code RequestResponseIO} (quota, remote system, timeout,
 * not retryable), with "not retryable" split in two: a configuration that no request can succeed
 * with, and one record that the API refused.
 */
public enum ErrorKind {
  /**
   * No request with this configuration can succeed: credentials rejected (401 after a token
   * refresh), 403, an unknown business, a list endpoint that answers 404, a refused base URL. Fail
   * the pipeline instead of failing every record.
   */
  CONFIGURATION,
  /**
   * The API refused this one request: a 400 on a write (field errors), or a 404 on one record.
   * Other records may succeed; route this one to the failure output.
   */
  RECORD,
  /** 429 answers outlasted the retry policy: the API's rate limit. Retryable later. */
  QUOTA,
  /** 5xx answers or broken connections outlasted the retry policy. Retryable later. */
  REMOTE,
  /** Timeouts (408 or socket timeouts) outlasted the retry policy. Retryable later. */
  TIMEOUT;

  /** Whether the same request may succeed if it is sent again later. */
  public boolean isRetryable() {
    return this == QUOTA || this == REMOTE || this == TIMEOUT;
  }
}
