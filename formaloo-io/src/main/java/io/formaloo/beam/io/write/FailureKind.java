package io.formaloo.beam.io.write;

/** Why a record did not land: the {@link FailedRecord#getKind()} of a write's failure output. */
public enum FailureKind {
  /** The record failed the checks made before any request (no request was sent). */
  INVALID,
  /** The API refused the record (a 4xx answer to its own request, e.g. field errors). */
  REJECTED,
  /** 429 answers outlasted the retry policy. Worth sending again later. */
  QUOTA,
  /** 5xx answers or broken connections outlasted the retry policy. Worth sending again later. */
  REMOTE,
  /** Timeouts outlasted the retry policy. Worth sending again later. */
  TIMEOUT,
  /** A bulk import job imported the batch but listed this row as failed, with its errors. */
  IMPORT_ROW_FAILED,
  /**
   * The bulk import job holding the record did not finish within the import timeout. The job may
   * still import it later: see {@link FailedRecord#getJobSlug()}.
   */
  IMPORT_TIMEOUT
}
