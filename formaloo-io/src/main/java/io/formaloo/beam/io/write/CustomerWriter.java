package io.formaloo.beam.io.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.WriteAnswer;
import io.formaloo.beam.io.model.Customer;
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
      results.written(
          WrittenRecord.builder()
              .setCustomerCode(answer.record().getCode())
              .setEmail(customer.getEmail())
              .setPhoneNumber(customer.getPhoneNumber())
              .setCreated(answer.created())
              .setAttempts(answer.attempts())
              .build(),
          record.getTimestamp());
    } catch (FormalooException e) {
      results.failed(
          Failures.of(e, FailedRecord.builder().setCustomer(customer)), record.getTimestamp());
    }
  }
}
