package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.Test;

class BulkImportTest {

  /** What a write did. (Its metrics are tested in {@link WriteMetricsTest}.) */
  private static final class Run {
    final List<WrittenRecord> written;
    final List<FailedRecord> failed;

    Run(List<WrittenRecord> written, List<FailedRecord> failed) {
      this.written = written;
      this.failed = failed;
    }
  }

  private static Run write(List<Customer> input, FormalooIO.Write<Customer> write) {
    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result = Fixtures.create(p, input).apply(write);
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();
    return new Run(written.elements(), failed.elements());
  }

  private static FormalooIO.Write<Customer> bulk(FormalooEmulator emulator) {
    return FormalooIO.writeCustomers()
        .withConfig(Emulated.config(emulator))
        .withBulkImport()
        .withShards(1)
        .withBatchSize(50);
  }

  @Test
  void eachBatchBecomesOneJobAndEveryRowLands() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      Run run = write(Fixtures.customers(0, 120), bulk(emulator));

      assertThat(run.failed, is(empty()));
      assertThat(emulator.customerCount(), is(120));
      assertThat(emulator.endpointCount("POST /customers/batch/"), is(3L));
      assertThat(emulator.endpointCount("POST /customers/"), is(0L));
      assertThat(run.written, hasSize(120));
      Set<String> jobs =
          run.written.stream().map(WrittenRecord::getJobSlug).collect(Collectors.toSet());
      assertThat(jobs, hasSize(3));
      for (String job : jobs) {
        assertThat(emulator.findBatchJob(job).get("status").asText(), is("imported"));
      }
      assertThat(
          run.written.stream().map(WrittenRecord::getCreated).collect(Collectors.toSet()),
          is(Set.of(true)));
    }
  }

  @Test
  void rowsTheJobReportsFailedAreFailuresWithTheirErrorsAndTheJobsSlug() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      List<Customer> input = new ArrayList<>(Fixtures.customers(0, 40));
      input.add(Fixtures.customerWithUnknownTag(500));
      input.add(Fixtures.customerWithUnknownTag(501));
      Run run = write(input, bulk(emulator));

      assertThat(emulator.customerCount(), is(40));
      assertThat(run.written, hasSize(40));
      assertThat(run.failed, hasSize(2));
      for (FailedRecord f : run.failed) {
        assertThat(f.getKind(), is(FailureKind.IMPORT_ROW_FAILED));
        assertThat(f.getJobSlug(), is(notNullValue()));
        assertThat(f.getError(), containsString(f.getJobSlug()));
        assertThat(f.getFieldErrorsJson(), containsString("no-such-tag"));
        assertThat(f.getCustomer().getTags(), hasSize(1));
      }
    }
  }

  @Test
  void aFailedJobIsStartedOnceMoreThenItsRowsAreWrittenOneByOne() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .faults(Faults.builder().batchJobFailureRate(1.0).build())
                .build())) {
      List<Customer> input = new ArrayList<>(Fixtures.customers(0, 60));
      input.add(Fixtures.customerWithUnknownTag(600));
      Run run = write(input, bulk(emulator));

      // 61 customers in batches of 50: 2 batches, 2 jobs each, then every row on its own.
      assertThat(emulator.endpointCount("POST /customers/batch/"), is(4L));
      assertThat(emulator.endpointCount("POST /customers/"), is(61L));
      assertThat(emulator.customerCount(), is(60));
      assertThat(run.written, hasSize(60));
      assertThat(
          run.written.stream().map(WrittenRecord::getCustomerCode).collect(Collectors.toList()),
          everyItem(notNullValue()));
      // The one bad row fails alone, with the API's answer to its own request.
      assertThat(run.failed, hasSize(1));
      assertThat(run.failed.get(0).getKind(), is(FailureKind.REJECTED));
      assertThat(run.failed.get(0).getStatus(), is(400));
    }
  }

  @Test
  void aJobThatDoesNotEndInTimeFailsItsRowsWithItsSlug() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().batchStepDelay(Duration.ofSeconds(5)).build())) {
      Run run =
          write(
              Fixtures.customers(0, 30),
              bulk(emulator).withBulkImportTimeout(Duration.ofMillis(600)));

      assertThat(run.written, is(empty()));
      assertThat(run.failed, hasSize(30));
      String job = run.failed.get(0).getJobSlug();
      assertThat(emulator.findBatchJob(job), is(notNullValue()));
      for (FailedRecord f : run.failed) {
        assertThat(f.getKind(), is(FailureKind.IMPORT_TIMEOUT));
        assertThat(f.getJobSlug(), is(job));
        assertThat(f.isRetryable(), is(true));
        assertThat(f.getError(), containsString("did not end within PT0.6S"));
      }
    }
  }

  @Test
  void onlyBatchesAboveTheThresholdBecomeJobs() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      // One shard, batches of 25: 25 + 25 + 10 customers; only the batches above 20 are jobs.
      Run run =
          write(
              Fixtures.customers(0, 60), bulk(emulator).withBatchSize(25).withBulkImportAbove(20));

      assertThat(run.failed, is(empty()));
      assertThat(emulator.customerCount(), is(60));
      assertThat(emulator.endpointCount("POST /customers/batch/"), is(2L));
      assertThat(emulator.endpointCount("POST /customers/"), is(10L));
      assertThat(run.written.stream().filter(w -> w.getJobSlug() == null).count(), is(10L));
      assertThat(
          run.written.stream()
              .filter(w -> w.getJobSlug() == null)
              .map(WrittenRecord::getCustomerCode)
              .collect(Collectors.toList()),
          everyItem(notNullValue()));
      assertThat(
          run.written.stream()
              .filter(w -> w.getJobSlug() != null)
              .map(WrittenRecord::getCustomerCode)
              .collect(Collectors.toList()),
          everyItem(nullValue()));
      assertThat(run.written.get(0).getPhoneNumber(), is(nullValue()));
    }
  }
}
