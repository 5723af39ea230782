package io.formaloo.beam.benchmarks;

import io.formaloo.beam.io.model.Customer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** What the whole-pipeline benchmarks share: the runner they run on and the records they write. */
final class BenchPipelines {
  private BenchPipelines() {}

  /**
   * A Direct-runner pipeline on {@code threads} threads that blocks on run, without the Direct
   * runner's immutability and encodability checks (they cost time no production runner spends).
   */
  static Pipeline direct(int threads) {
    return Pipeline.create(
        PipelineOptionsFactory.fromArgs(
                "--runner=DirectRunner",
                "--blockOnRun=true",
                "--targetParallelism=" + threads,
                "--enforceImmutability=false",
                "--enforceEncodability=false")
            .create());
  }

  /**
   * {@code count} customers, the {@code i}-th made by {@code customer}, with their schema coder.
   */
  static PCollection<Customer> customers(
      Pipeline p, long count, SerializableFunction<Long, Customer> customer) {
    return p.apply("Sequence", GenerateSequence.from(0).to(count))
        .apply("Customers", MapElements.into(TypeDescriptor.of(Customer.class)).via(customer))
        .setCoder(schemaCoder(p));
  }

  private static org.apache.beam.sdk.coders.Coder<Customer> schemaCoder(Pipeline p) {
    try {
      return p.getSchemaRegistry().getSchemaCoder(Customer.class);
    } catch (org.apache.beam.sdk.schemas.NoSuchSchemaException e) {
      throw new IllegalStateException("Customer has no Beam schema", e);
    }
  }
}
