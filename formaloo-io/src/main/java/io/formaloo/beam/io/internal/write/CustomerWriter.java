package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.WriteAnswer;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import org.apache.beam.sdk.values.TimestampedValue;

/**
 * {@code POST /customers/} for one customer. The API upserts by email (else phone), so sending a
 * customer again, after a lost answer or a replayed bundle, updates the same customer.
 */
final class CustomerWriter implements RecordWriter<Customer> {
  @Override
  public void write(FormalooClient client, TimestampedValue<Customer> record, Results results) {
    Customer customer = record.getValue();
    try {
      WriteAnswer<Customer> answer = client.postCustomer(customer);
      results.written(written(customer, answer).build(), record.getTimestamp());
    } catch (FormalooException e) {
      results.failed(
          Failures.of(e, FailedRecord.builder().setCustomer(customer)), record.getTimestamp());
    }
  }

  /**
   * Writes a row of an imported job whose answer did not say whether the row landed. Because the
   * API upserts, this is safe whether the job imported it or not, and the API's answer to the row's
   * own request is its outcome: written, or failed with the API's reason.
   *
   * @return whether the row landed
   */
  boolean confirm(
      FormalooClient client, ImportJob job, TimestampedValue<Customer> row, Results results) {
    Customer customer = row.getValue();
    try {
      WriteAnswer<Customer> answer = client.postCustomer(customer);
      // A 200 says the customer existed, which it may have since the job created it: unknown.
      results.written(
          written(customer, answer)
              .setCreated(answer.created() ? Boolean.TRUE : null)
              .setAttempts(job.attempt + answer.attempts())
              .setJobSlug(job.slug)
              .build(),
          row.getTimestamp());
      return true;
    } catch (FormalooException e) {
      FailedRecord f = Failures.of(e, FailedRecord.builder().setCustomer(customer));
      results.failed(
          f.toBuilder()
              .setError(
                  "bulk import job "
                      + job.slug
                      + " did not say whether it imported the row; written on its own: "
                      + f.getError())
              .setAttempts(job.attempt + e.attempts())
              .setJobSlug(job.slug)
              .build(),
          row.getTimestamp());
      return false;
    }
  }

  private static WrittenRecord.Builder written(Customer customer, WriteAnswer<Customer> answer) {
    return WrittenRecord.builder()
        .setCustomerCode(answer.record().getCode())
        .setEmail(customer.getEmail())
        .setPhoneNumber(customer.getPhoneNumber())
        .setCreated(answer.created())
        .setAttempts(answer.attempts());
  }
}
