package io.formaloo.beam.io.internal.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.TimestampedValue;

/** What becomes of a bulk import job's rows when the job ends, one outcome per row. */
final class JobRows {
  private JobRows() {}

  /**
   * The job imported: the rows its answer names as failed fail with their errors; when the answer
   * accounts for every other row, those are written, else they are left for the caller to confirm.
   *
   * @return the rows the answer does not account for, in the order sent
   */
  static List<TimestampedValue<Customer>> imported(
      ImportJob job, RowAccount account, WriteMetrics metrics, Results results) {
    List<TimestampedValue<Customer>> unconfirmed = new ArrayList<>();
    for (int i = 0; i < job.rows.size(); i++) {
      TimestampedValue<Customer> row = job.rows.get(i);
      Customer customer = row.getValue();
      JsonNode errors = account.errorsOf(i);
      if (errors != null) {
        metrics.bulkRowsConfirmedByAnswer.inc();
        metrics.bulkRowsFailed.inc();
        results.failed(
            FailedRecord.builder()
                .setCustomer(customer)
                .setKind(FailureKind.IMPORT_ROW_FAILED)
                .setError(
                    "bulk import job "
                        + job.slug
                        + " did not import row "
                        + i
                        + ": "
                        + ImportResults.summary(errors))
                .setFieldErrorsJson(errors.isObject() ? ModelJson.jsonText(errors) : null)
                .setAttempts(job.attempt)
                .setJobSlug(job.slug)
                .build(),
            row.getTimestamp());
      } else if (account.accountsForEveryRow()) {
        metrics.bulkRowsConfirmedByAnswer.inc();
        results.written(
            WrittenRecord.builder()
                .setEmail(customer.getEmail())
                .setPhoneNumber(customer.getPhoneNumber())
                .setCreated(account.created())
                .setAttempts(job.attempt)
                .setJobSlug(job.slug)
                .build(),
            row.getTimestamp());
      } else {
        unconfirmed.add(row);
      }
    }
    return unconfirmed;
  }

  /** The job did not end in time: every row fails with the job's slug. */
  static void timedOut(ImportJob job, String error, Results results) {
    for (TimestampedValue<Customer> row : job.rows) {
      results.failed(
          FailedRecord.builder()
              .setCustomer(row.getValue())
              .setKind(FailureKind.IMPORT_TIMEOUT)
              .setError(error)
              .setAttempts(job.attempt)
              .setJobSlug(job.slug)
              .build(),
          row.getTimestamp());
    }
  }

  /** No job could be started, retries spent: every row fails with the reason. */
  static void notStarted(
      List<TimestampedValue<Customer>> rows, int attempt, FormalooException e, Results results) {
    for (TimestampedValue<Customer> row : rows) {
      results.failed(
          FailedRecord.builder()
              .setCustomer(row.getValue())
              .setKind(Failures.kindOf(e))
              .setStatus(e.status())
              .setError("the bulk import job could not be started: " + e.getMessage())
              .setFieldErrorsJson(FieldProblems.toJson(e.fieldErrors()))
              .setAttempts(attempt)
              .build(),
          row.getTimestamp());
    }
  }
}
