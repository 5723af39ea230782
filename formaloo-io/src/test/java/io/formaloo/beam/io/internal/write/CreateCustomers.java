package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.Customer;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** {@code Create} of customers with their schema coder, for pipelines that create several. */
final class CreateCustomers extends PTransform<PBegin, PCollection<Customer>> {
  private final List<Customer> customers;

  CreateCustomers(List<Customer> customers) {
    this.customers = customers;
  }

  @Override
  public PCollection<Customer> expand(PBegin input) {
    return input.apply(
        Create.of(customers).withCoder(Fixtures.coder(input.getPipeline(), Customer.class)));
  }
}
