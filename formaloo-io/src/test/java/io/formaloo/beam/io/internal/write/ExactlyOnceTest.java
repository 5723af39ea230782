package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.Faults.RetryAfterMode;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;

/**
 * Whatever the API does to the requests, each distinct input record ends up in the API exactly
 * once, and is reported written exactly once.
 */
class ExactlyOnceTest {
  private static final int CUSTOMERS = 80;
  private static final int ACTIVITIES = 80;

  /** Writes the customers (one by one, and in bulk) and the activities, and checks the counts. */
  private static void writeEverythingOnce(FormalooEmulator emulator) {
    FormalooConfig config = Emulated.config(emulator);
    List<Customer> oneByOne = Fixtures.customers(0, CUSTOMERS);
    List<Customer> inBulk = Fixtures.customers(CUSTOMERS, 2 * CUSTOMERS);
    List<Activity> activities = Fixtures.activities(ACTIVITIES, CUSTOMERS);

    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result single =
        p.apply("One by one", new CreateCustomers(oneByOne))
            .apply(
                "Write one by one",
                FormalooIO.writeCustomers().withConfig(config).withoutBulkImport());
    FormalooIO.Write.Result bulk =
        p.apply("In bulk", new CreateCustomers(inBulk))
            .apply(
                "Write in bulk",
                FormalooIO.writeCustomers()
                    .withConfig(config)
                    .withBulkImport()
                    .withShards(2)
                    .withBatchSize(20));
    FormalooIO.Write.Result acts =
        Fixtures.createActivities(p, activities)
            .apply(FormalooIO.writeActivities().withConfig(config));
    CollectedOutput<WrittenRecord> written =
        CollectedOutput.of(
            PCollectionList.of(single.getWritten())
                .and(bulk.getWritten())
                .and(acts.getWritten())
                .apply("All written", Flatten.pCollections()));
    CollectedOutput<FailedRecord> failed =
        CollectedOutput.of(
            PCollectionList.of(single.getFailed())
                .and(bulk.getFailed())
                .and(acts.getFailed())
                .apply("All failed", Flatten.pCollections()));
    p.run().waitUntilFinish();

    assertThat(failed.elements(), is(empty()));
    assertThat(emulator.customerCount(), is(2 * CUSTOMERS));
    assertThat(emulator.activityCount(), is(ACTIVITIES));
    List<WrittenRecord> all = written.elements();
    assertThat(all, hasSize(2 * CUSTOMERS + ACTIVITIES));
    Set<String> customerEmails =
        all.stream()
            .filter(w -> w.getActivitySlug() == null)
            .map(WrittenRecord::getEmail)
            .collect(Collectors.toSet());
    assertThat(customerEmails, hasSize(2 * CUSTOMERS));
    Set<String> slugs =
        all.stream()
            .map(WrittenRecord::getActivitySlug)
            .filter(s -> s != null)
            .collect(Collectors.toSet());
    assertThat(slugs, hasSize(ACTIVITIES));
  }

  @Test
  void underBurstsOfServerErrors() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().faults(Faults.builder().errorRate(0.3).build()).build())) {
      writeEverythingOnce(emulator);
      assertThat(emulator.statusCounts().getOrDefault(500, 0L), greaterThan(0L));
    }
  }

  @Test
  void underStormsOf429s() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .faults(Faults.builder().rateLimit(60, RetryAfterMode.SECONDS).build())
                .build())) {
      writeEverythingOnce(emulator);
      assertThat(emulator.statusCounts().getOrDefault(429, 0L), greaterThan(0L));
    }
  }

  @Test
  void whenConnectionsDropAfterTheServerCommittedTheWrite() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .faults(Faults.builder().dropAfterCommitRate(0.3).dropRate(0.1).build())
                .build())) {
      writeEverythingOnce(emulator);
    }
  }
}
