package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.emulator.BatchImportAnswer;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.util.Sleeper;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded poller on its own, outside a pipeline: how jobs end, how many run at once, and the
 * metrics they leave (read from the thread's metrics container, as in a {@code DoFn}).
 */
class ImportJobsTest {
  private final MetricsContainerImpl container = new MetricsContainerImpl("write-test");
  private final List<WrittenRecord> written = new ArrayList<>();
  private final List<FailedRecord> failed = new ArrayList<>();
  private Closeable metricsScope;
  private Results results;

  @BeforeEach
  void scope() {
    metricsScope = MetricsEnvironment.scopedMetricsContainer(container);
    results =
        new Results(
            new Results.Emitter() {
              @Override
              public void written(WrittenRecord record, Instant timestamp) {
                written.add(record);
              }

              @Override
              public void failed(FailedRecord record, Instant timestamp) {
                failed.add(record);
              }
            },
            new WriteMetrics());
  }

  @AfterEach
  void unscope() throws Exception {
    metricsScope.close();
  }

  private long counter(String name) {
    return container.getCounter(MetricName.named("formaloo", name)).getCumulative();
  }

  private static WriteSettings settings(FormalooEmulator emulator, Duration timeout, int inFlight) {
    return WriteSettings.builder()
        .config(Emulated.config(emulator))
        .shards(1)
        .maxConcurrentRequests(1)
        .batchSize(100)
        .maxBatchBytes(1 << 20)
        .maxBufferingDuration(Duration.ofSeconds(1))
        .bulkImportAbove(0)
        .bulkImportTimeout(timeout)
        .firstPoll(Duration.ofMillis(20))
        .maxPoll(Duration.ofMillis(200))
        .maxJobsInFlight(inFlight)
        .writerId("test")
        .build();
  }

  private static List<TimestampedValue<Customer>> rows(List<Customer> customers) {
    List<TimestampedValue<Customer>> rows = new ArrayList<>();
    for (Customer c : customers) {
      rows.add(TimestampedValue.of(c, Instant.EPOCH));
    }
    return rows;
  }

  private ImportJobs jobs(WriteSettings settings) {
    return new ImportJobs(
        settings, new CustomerWriter(), new WriteMetrics(), Sleeper.DEFAULT, System::nanoTime);
  }

  @Test
  void anImportedJobWritesItsRowsAndFailsTheRowsItListsFailed() throws Exception {
    try (FormalooEmulator emulator = FormalooEmulator.start();
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      List<Customer> customers = new ArrayList<>(Fixtures.customers(0, 19));
      customers.add(5, Fixtures.customerWithUnknownTag(99));
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMinutes(1), 4));
      jobs.start(client, 0, rows(customers), results);
      jobs.finish(results);

      assertThat(written, hasSize(19));
      assertThat(failed, hasSize(1));
      assertThat(failed.get(0).getCustomer(), is(Fixtures.customerWithUnknownTag(99)));
      assertThat(counter("write_bulk_jobs_started"), is(1L));
      assertThat(counter("write_bulk_jobs_imported"), is(1L));
      assertThat(counter("write_records_written"), is(19L));
      assertThat(counter("write_records_failed"), is(1L));
    }
  }

  /** Ten customers, the server refusing two of them (rows 3 and 8) by their e-mail's domain. */
  private static List<Customer> tenWithTwoRefused() {
    List<Customer> customers = new ArrayList<>(Fixtures.customers(0, 10));
    for (int i : new int[] {3, 8}) {
      customers.set(i, customers.get(i).toBuilder().setEmail(i + "@blocked.example").build());
    }
    return customers;
  }

  private static FormalooEmulator refusing(BatchImportAnswer answer) {
    return FormalooEmulator.start(
        EmulatorConfig.builder()
            .batchImportAnswer(answer)
            .rejectEmailDomain("blocked.example")
            .build());
  }

  @Test
  void rowsAnAnswerAccountsForAreCountedConfirmedByTheAnswer() throws Exception {
    try (FormalooEmulator emulator = refusing(BatchImportAnswer.KEYED_BY_IDENTITY);
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMinutes(1), 4));
      jobs.start(client, 0, rows(tenWithTwoRefused()), results);
      jobs.finish(results);

      assertThat(written, hasSize(8));
      assertThat(failed, hasSize(2));
      assertThat(emulator.endpointCount("POST /customers/"), is(0L));
      assertThat(counter("write_bulk_rows_confirmed_by_answer"), is(10L));
      assertThat(counter("write_bulk_rows_confirmed_one_by_one"), is(0L));
      assertThat(counter("write_bulk_rows_failed"), is(2L));
      assertThat(counter("write_records_written"), is(8L));
      assertThat(counter("write_records_failed"), is(2L));
    }
  }

  @Test
  void rowsAnAnswerDoesNotAccountForAreConfirmedOneByOneAndCountedSo() throws Exception {
    try (FormalooEmulator emulator = refusing(BatchImportAnswer.COUNTS_ONLY);
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMinutes(1), 4));
      jobs.start(client, 0, rows(tenWithTwoRefused()), results);
      jobs.finish(results);

      assertThat(written, hasSize(8));
      assertThat(failed, hasSize(2));
      for (FailedRecord f : failed) {
        assertThat(f.getKind(), is(FailureKind.REJECTED));
        assertThat(f.getError(), containsString("did not say whether it imported the row"));
        assertThat(f.getError(), containsString("blocked.example are not accepted"));
      }
      assertThat(emulator.endpointCount("POST /customers/"), is(10L));
      assertThat(counter("write_bulk_rows_confirmed_by_answer"), is(0L));
      assertThat(counter("write_bulk_rows_confirmed_one_by_one"), is(10L));
      assertThat(counter("write_bulk_rows_failed"), is(2L));
      assertThat(counter("write_records_written"), is(8L));
      assertThat(counter("write_records_failed"), is(2L));
    }
  }

  @Test
  void aFailedJobRunsOnceMoreThenItsRowsAreWrittenOneByOneAndCountedRetried() throws Exception {
    try (FormalooEmulator emulator =
            FormalooEmulator.start(
                EmulatorConfig.builder()
                    .faults(Faults.builder().batchJobFailureRate(1.0).build())
                    .build());
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMinutes(1), 4));
      jobs.start(client, 0, rows(Fixtures.customers(0, 10)), results);
      jobs.finish(results);

      assertThat(written, hasSize(10));
      assertThat(emulator.endpointCount("POST /customers/batch/"), is(2L));
      assertThat(emulator.endpointCount("POST /customers/"), is(10L));
      assertThat(counter("write_bulk_jobs_started"), is(2L));
      assertThat(counter("write_bulk_jobs_failed"), is(2L));
      assertThat(counter("write_records_retried"), is(10L));
      assertThat(counter("write_records_written"), is(10L));
    }
  }

  @Test
  void aJobPastItsTimeoutIsCountedTimedOut() throws Exception {
    try (FormalooEmulator emulator =
            FormalooEmulator.start(
                EmulatorConfig.builder().batchStepDelay(Duration.ofSeconds(5)).build());
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMillis(300), 4));
      jobs.start(client, 0, rows(Fixtures.customers(0, 5)), results);
      jobs.finish(results);

      assertThat(failed, hasSize(5));
      assertThat(counter("write_bulk_jobs_timed_out"), is(1L));
      assertThat(counter("write_records_failed"), is(5L));
      // Polled on a backoff until the deadline, not once a millisecond.
      assertThat(emulator.endpointCount("GET /customers/batch/{slug}/"), lessThanOrEqualTo(12L));
    }
  }

  @Test
  void noMoreJobsRunAtOnceThanAllowed() throws Exception {
    try (FormalooEmulator emulator =
            FormalooEmulator.start(
                EmulatorConfig.builder().batchStepDelay(Duration.ofMillis(50)).build());
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      ImportJobs jobs = jobs(settings(emulator, Duration.ofMinutes(1), 2));
      for (int batch = 0; batch < 6; batch++) {
        jobs.start(client, 0, rows(Fixtures.customers(batch * 10, batch * 10 + 10)), results);
        assertThat(jobs.running(), lessThanOrEqualTo(2));
      }
      jobs.finish(results);

      assertThat(jobs.running(), is(0));
      assertThat(written, hasSize(60));
      assertThat(emulator.customerCount(), is(60));
      assertThat(counter("write_bulk_jobs_imported"), is(6L));
    }
  }

  @Test
  void recordsTheClientSentMoreThanOnceAreCountedRetried() throws Exception {
    try (FormalooEmulator emulator =
            FormalooEmulator.start(
                EmulatorConfig.builder().faults(Faults.builder().errorRate(0.5).build()).build());
        FormalooClient client = FormalooClient.create(Emulated.config(emulator))) {
      for (TimestampedValue<Customer> row : rows(Fixtures.customers(0, 30))) {
        new CustomerWriter().write(client, row, results);
      }

      assertThat(written, hasSize(30));
      assertThat(counter("write_records_written"), is(30L));
      assertThat(counter("write_records_retried"), greaterThan(0L));
      assertThat(
          counter("write_records_retried"),
          is(written.stream().filter(w -> w.getAttempts() > 1).count()));
    }
  }
}
