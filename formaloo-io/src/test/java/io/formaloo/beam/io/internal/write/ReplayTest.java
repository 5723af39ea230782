package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;

/**
 * Runners replay a bundle that failed, so a batch can be written twice, or half a batch and then
 * the whole of it. Neither creates a duplicate.
 */
class ReplayTest {
  private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

  /** Fails the first bundle it sees, once: the failure that makes a runner replay a bundle. */
  private static final class FailOnceFn<T> extends DoFn<T, T> {
    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      if (FAIL_ONCE.compareAndSet(true, false)) {
        throw new IllegalStateException("a worker died mid-bundle");
      }
      out.output(element);
    }
  }

  private static final class Outputs {
    final CollectedOutput<WrittenRecord> written;
    final CollectedOutput<FailedRecord> failed;

    Outputs(CollectedOutput<WrittenRecord> written, CollectedOutput<FailedRecord> failed) {
      this.written = written;
      this.failed = failed;
    }
  }

  private static Outputs writeBoth(
      Pipeline p, FormalooConfig config, List<Customer> customers, List<Activity> activities) {
    FormalooIO.Write.Result c =
        p.apply(new CreateCustomers(customers))
            .apply(
                "Write customers",
                FormalooIO.writeCustomers()
                    .withConfig(config)
                    .withoutBulkImport()
                    .withBatchSize(10));
    FormalooIO.Write.Result a =
        Fixtures.createActivities(p, activities)
            .apply(
                "Write activities",
                FormalooIO.writeActivities().withConfig(config).withBatchSize(10));
    PCollection<WrittenRecord> written =
        PCollectionList.of(c.getWritten())
            .and(a.getWritten())
            .apply("Written", Flatten.pCollections());
    return new Outputs(
        CollectedOutput.of(written.apply("Maybe fail", ParDo.of(new FailOnceFn<>()))),
        CollectedOutput.of(
            PCollectionList.of(c.getFailed())
                .and(a.getFailed())
                .apply("Failed", Flatten.pCollections())));
  }

  @Test
  void aRunThatFailedMidwayAndRanAgainCreatesNoDuplicates() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      FormalooConfig config = Emulated.config(emulator);
      List<Customer> customers = Fixtures.customers(0, 60);
      List<Activity> activities = Fixtures.activities(60, 60);

      FAIL_ONCE.set(true);
      Pipeline first = Emulated.pipeline();
      writeBoth(first, config, customers, activities);
      assertThrows(PipelineExecutionException.class, () -> first.run().waitUntilFinish());

      Pipeline again = Emulated.pipeline();
      Outputs outputs = writeBoth(again, config, customers, activities);
      again.run().waitUntilFinish();

      assertThat(outputs.failed.elements(), is(empty()));
      assertThat(outputs.written.elements(), hasSize(120));
      assertThat(emulator.customerCount(), is(60));
      assertThat(emulator.activityCount(), is(60));
    }
  }

  @Test
  void halfABatchWrittenThenTheWholeBatchCreatesNoDuplicates() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      FormalooConfig config = Emulated.config(emulator);
      List<Customer> customers = Fixtures.customers(0, 40);
      List<Activity> activities = Fixtures.activities(40, 20);

      Pipeline half = Emulated.pipeline();
      writeBoth(half, config, customers.subList(0, 20), activities.subList(0, 20));
      half.run().waitUntilFinish();
      assertThat(emulator.activityCount(), is(20));

      Pipeline whole = Emulated.pipeline();
      Outputs outputs = writeBoth(whole, config, customers, activities);
      whole.run().waitUntilFinish();

      assertThat(outputs.failed.elements(), is(empty()));
      assertThat(emulator.customerCount(), is(40));
      assertThat(emulator.activityCount(), is(40));
      List<WrittenRecord> replayed = new ArrayList<>();
      for (WrittenRecord w : outputs.written.elements()) {
        if (Boolean.FALSE.equals(w.getCreated())) {
          replayed.add(w);
        }
      }
      // The 20 customers and 20 activities written the first time are found, not created (the
      // activities of the second half belong to customers of the first).
      assertThat(replayed, hasSize(40));
    }
  }
}
