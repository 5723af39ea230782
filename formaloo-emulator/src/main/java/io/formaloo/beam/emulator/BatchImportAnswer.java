package io.formaloo.beam.emulator;

/**
 * How an imported batch import job reports its rows in {@code import_results}. The reference
 * documents that object only as "customers count, new customer and existing customers etc.", so a
 * client cannot rely on any one shape: the emulator can answer in each of these plausible ones
 * ({@link EmulatorConfig.Builder#batchImportAnswer}).
 */
public enum BatchImportAnswer {
  /**
   * Counts and the failed rows by their index in {@code customers_data}: {@code {"total", "new",
   * "existing", "failed", "failed_rows": [{"row", "data", "errors"}]}}. The default.
   */
  ROW_INDEXED,
  /**
   * Counts and the failed rows keyed by their email, else their phone number: {@code
   * {"customers_count", "new_customers", "existing_customers", "failed_customers", "errors":
   * {"ann@example.com": {...}, "+15550100": {...}}}}.
   */
  KEYED_BY_IDENTITY,
  /**
   * Counts only, nothing that says which rows failed: {@code {"customers_count", "new_customers",
   * "existing_customers", "failed_customers"}}.
   */
  COUNTS_ONLY,
  /** {@code {}}: the job says {@code imported} and nothing else. */
  EMPTY,
  /**
   * {@code {"message": "..."}}: the counts and the failed rows' errors only in free text for a
   * person.
   */
  MESSAGE_ONLY
}
