package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;

/**
 * Record-by-record writes issued from one pool per write and worker process, with several requests
 * in flight per shard: nothing lost or written twice under faults, one customer's records in order,
 * a slow record stalls nobody else, and one ceiling for the whole write.
 */
class ConcurrentWritesTest {

  @Test
  void underFaultsEveryRecordIsWrittenExactlyOnce() {
    int customers = 150;
    int activities = 150;
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .tokenLifetime(Duration.ofSeconds(2))
                .faults(
                    Faults.builder()
                        .errorRate(0.1)
                        .dropAfterCommitRate(0.05)
                        .dropRate(0.03)
                        .latency(Duration.ZERO, Duration.ofMillis(3))
                        .build())
                .build())) {
      FormalooConfig config = Emulated.config(emulator);
      Pipeline p = Emulated.pipeline();
      List<Customer> inputCustomers = Fixtures.customers(0, customers);
      FormalooIO.Write.Result written =
          p.apply("Customers", new CreateCustomers(inputCustomers))
              .apply(
                  "Write customers",
                  FormalooIO.writeCustomers()
                      .withConfig(config)
                      .withoutBulkImport()
                      .withShards(2)
                      .withMaxConcurrentRequests(8)
                      .withMaxRequestsPerSecond(500));
      FormalooIO.Write.Result acts =
          Fixtures.createActivities(p, Fixtures.activities(activities, customers))
              .apply(
                  "Write activities",
                  FormalooIO.writeActivities()
                      .withConfig(config)
                      .withShards(2)
                      .withMaxConcurrentRequests(8)
                      .withMaxRequestsPerSecond(500));
      CollectedOutput<WrittenRecord> customersWritten = CollectedOutput.of(written.getWritten());
      CollectedOutput<FailedRecord> customersFailed = CollectedOutput.of(written.getFailed());
      CollectedOutput<WrittenRecord> activitiesWritten = CollectedOutput.of(acts.getWritten());
      CollectedOutput<FailedRecord> activitiesFailed = CollectedOutput.of(acts.getFailed());
      p.run().waitUntilFinish();

      // Each input record is exactly one outcome: all written, none failed, none twice.
      assertThat(customersFailed.elements(), is(empty()));
      assertThat(activitiesFailed.elements(), is(empty()));
      assertThat(customersWritten.elements(), hasSize(customers));
      assertThat(
          customersWritten.elements().stream()
              .map(WrittenRecord::getEmail)
              .collect(Collectors.toSet()),
          is(inputCustomers.stream().map(Customer::getEmail).collect(Collectors.toSet())));
      assertThat(activitiesWritten.elements(), hasSize(activities));
      assertThat(
          activitiesWritten.elements().stream()
              .map(WrittenRecord::getActivitySlug)
              .collect(Collectors.toSet()),
          hasSize(activities));
      // And the API holds each once: no customer created twice, no activity twice.
      assertThat(emulator.customerCount(), is(customers));
      assertThat(emulator.activityCount(), is(activities));
      // The faults were there.
      assertThat(
          emulator.statusCounts().getOrDefault(500, 0L)
              + emulator.statusCounts().getOrDefault(502, 0L)
              + emulator.statusCounts().getOrDefault(503, 0L),
          greaterThan(0L));
      assertThat(
          emulator.requestLog().stream().filter(RequestLogEntry::dropped).count(), greaterThan(0L));
    }
  }

  @Test
  void oneCustomersRecordsLandInTheirOrderWhileOtherCustomersAreWrittenAtOnce() {
    // Fewer customers than requests in flight, so that without the turns several upserts of each
    // would be in flight at once.
    int customers = 4;
    int rounds = 10;
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                // Answers in any order: without the turns, a customer's upserts would race.
                .faults(Faults.builder().latency(Duration.ZERO, Duration.ofMillis(20)).build())
                .build())) {
      Pipeline p = Emulated.pipeline();
      PCollection<Customer> upserts =
          p.apply(Create.of(0))
              .apply("Rounds in order", ParDo.of(new Rounds(customers, rounds)))
              .setCoder(Fixtures.coder(p, Customer.class));
      FormalooIO.Write.Result result =
          upserts.apply(
              FormalooIO.writeCustomers()
                  .withConfig(Emulated.config(emulator))
                  .withoutBulkImport()
                  .withShards(2)
                  .withMaxConcurrentRequests(16));
      CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
      p.run().waitUntilFinish();

      assertThat(written.elements(), hasSize(customers * rounds));
      Map<String, Long> created =
          written.elements().stream()
              .filter(w -> Boolean.TRUE.equals(w.getCreated()))
              .collect(Collectors.groupingBy(WrittenRecord::getEmail, Collectors.counting()));
      for (int c = 0; c < customers; c++) {
        String email = Fixtures.email(c);
        // The last of its upserts won, and only its first created it.
        assertThat(
            email,
            emulator.findCustomerByEmail(email).get("full_name").asText(),
            is(Rounds.name(c, rounds - 1)));
        assertThat(email, created.get(email), is(1L));
      }
      assertThat(emulator.customerCount(), is(customers));
    }
  }

  @Test
  void aSlowRecordDoesNotStallTheOtherRecordsOfItsShard() throws Exception {
    int others = 8;
    String slow = Fixtures.email(1_000);
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                // The slow customer's write is answered only after the 8 others were answered
                // while it waited, and others arriving first wait for it; each wait ends after
                // 20 s whatever happened. One request at a time would wait out both instead.
                .faults(Faults.builder().slowCustomer(slow, others, Duration.ofSeconds(20)).build())
                .build())) {
      // One shard: every record is the slow one's shard-mate.
      WriteSettings settings =
          settings(Emulated.config(emulator), "slow-record-" + System.nanoTime()).shards(1).build();
      // As after the write's first record: the pool sends one write at a time only until one
      // got through, and this test is about what comes after.
      WritePool pool = WritePools.acquire(settings.writerId(), settings.maxConcurrentRequests());
      try {
        proven(pool);
        List<Customer> input = new ArrayList<>(Fixtures.customers(0, others));
        input.add(Fixtures.customer(1_000));
        Pipeline p = Emulated.pipeline();
        PCollectionTuple result =
            p.apply(new CreateCustomers(input))
                .apply(new WriteRecords<>(WriteTarget.CUSTOMERS, settings, null));
        CollectedOutput<WrittenRecord> written =
            CollectedOutput.of(result.get(WriteRecords.WRITTEN));
        CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.get(WriteRecords.FAILED));
        p.run().waitUntilFinish();

        assertThat(failed.elements(), is(empty()));
        assertThat(written.elements(), hasSize(others + 1));
      } finally {
        WritePools.release(settings.writerId());
      }
      List<RequestLogEntry> writes =
          emulator.requestLog().stream()
              .filter(e -> e.endpoint().equals("POST /customers/"))
              .collect(Collectors.toList());
      assertThat(writes, hasSize(others + 1));
      RequestLogEntry slowWrite =
          writes.stream().filter(e -> slow.equals(e.subject())).findFirst().orElseThrow();
      // Every other record of the shard was answered while the slow one waited for its answer.
      for (RequestLogEntry other : writes) {
        if (other != slowWrite) {
          assertThat(other.subject(), other.answered(), greaterThan(slowWrite.received()));
          assertThat(other.subject(), other.answered(), lessThan(slowWrite.answered()));
        }
      }
    }
  }

  @Test
  void theCeilingIsOneForTheWholeWriteNotOnePerShard() {
    int budget = 20;
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      Pipeline p = Emulated.pipeline();
      p.apply(new CreateCustomers(Fixtures.customers(0, 150)))
          .apply(
              FormalooIO.writeCustomers()
                  .withConfig(Emulated.config(emulator))
                  .withoutBulkImport()
                  .withShards(4)
                  .withMaxConcurrentRequests(16)
                  .withMaxRequestsPerSecond(budget));
      p.run().waitUntilFinish();

      assertThat(emulator.customerCount(), is(150));
      Map<Long, Long> perSecond = new TreeMap<>();
      for (RequestLogEntry e : emulator.requestLog()) {
        perSecond.merge(e.at().getEpochSecond(), 1L, Long::sum);
      }
      long busiest = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
      // One token bucket for the four shards: in any second at most the budget and a burst of a
      // second's worth, and a few that left in the second before and arrived late. A bucket per
      // shard at the full budget would let four times as many through.
      int burst = budget;
      assertThat(String.valueOf(perSecond), busiest, lessThanOrEqualTo(budget + burst + 5L));
    }
  }

  /** The settings a write with {@code config} would have, under a writer id of the test's. */
  private static WriteSettings.Builder settings(FormalooConfig config, String writerId) {
    return WriteSettings.builder()
        .config(config)
        .shards(4)
        .maxConcurrentRequests(16)
        .batchSize(1_000)
        .maxBatchBytes(4 << 20)
        .maxBufferingDuration(Duration.ofSeconds(5))
        .bulkImportAbove(WriteSettings.NEVER)
        .bulkImportTimeout(Duration.ofMinutes(1))
        .writerId(writerId);
  }

  /** Lets one write through {@code pool}, as a write's first record does. */
  private static void proven(WritePool pool) throws InterruptedException {
    CountDownLatch through = new CountDownLatch(1);
    pool.submit(
        "proof",
        () -> {
          through.countDown();
          return true;
        });
    assertThat(through.await(30, TimeUnit.SECONDS), is(true));
  }

  /**
   * Upserts of {@code customers} customers, {@code rounds} each with another name, round after
   * round: from one element in one bundle, so the write receives them in this order.
   */
  private static final class Rounds extends DoFn<Integer, Customer> {
    private final int customers;
    private final int rounds;

    Rounds(int customers, int rounds) {
      this.customers = customers;
      this.rounds = rounds;
    }

    static String name(int customer, int round) {
      return "Writer " + customer + ", round " + round;
    }

    @ProcessElement
    public void process(OutputReceiver<Customer> out) {
      for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < customers; c++) {
          out.output(Fixtures.customer(c).toBuilder().setFullName(name(c, r)).build());
        }
      }
    }
  }
}
