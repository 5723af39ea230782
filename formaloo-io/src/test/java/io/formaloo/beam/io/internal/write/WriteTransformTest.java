package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The transform as a user builds it: its options, their checks, its display data, its outputs. */
class WriteTransformTest {
  private static final FormalooConfig CONFIG =
      FormalooConfig.builder()
          .business("acme")
          .credentials(FormalooCredentials.of("the-key", "the-very-secret-secret"))
          .build();

  @Test
  void optionsRejectValuesOutOfRange() {
    FormalooIO.Write<Customer> w = FormalooIO.writeCustomers();
    assertThrows(IllegalArgumentException.class, () -> w.withShards(0));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxConcurrentRequests(0));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxConcurrentRequests(1_025));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxRequestsPerSecond(0));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxRequestsPerSecond(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> w.withBatchSize(0));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxBatchBytes(0));
    assertThrows(IllegalArgumentException.class, () -> w.withMaxBufferingDuration(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> w.withBulkImportAbove(-1));
    assertThrows(
        IllegalArgumentException.class, () -> w.withBulkImportTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> w.withConfig(null));
  }

  @Test
  void bulkImportIsForCustomersOnly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FormalooIO.writeActivities().withBulkImport());
    assertThat(e.getMessage(), containsString("writeCustomers()"));
  }

  @Test
  void expandRequiresAConfigWithABusiness() {
    Pipeline p = Emulated.pipeline();
    PCollection<Customer> customers = Fixtures.create(p, Fixtures.customers(0, 1));
    IllegalArgumentException noConfig =
        assertThrows(
            IllegalArgumentException.class,
            () -> customers.apply("a", FormalooIO.writeCustomers()));
    assertThat(noConfig.getMessage(), containsString("withConfig(config) is required"));
    FormalooConfig noBusiness = CONFIG.toBuilder().business(null).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> customers.apply("b", FormalooIO.writeCustomers().withConfig(noBusiness)));
    assertThat(e.getMessage(), containsString("business"));
  }

  @Test
  @SuppressWarnings("deprecation") // the old name, kept for the users who call it
  void theOldMaxParallelRequestsSetsTheShards() {
    DisplayData data =
        DisplayData.from(FormalooIO.writeCustomers().withConfig(CONFIG).withMaxParallelRequests(7));
    assertThat(value(data, "shards"), is(7));
    // The requests in flight are their own setting, untouched by it.
    assertThat(value(data, "maxConcurrentRequests"), is(16));
  }

  private static Object value(DisplayData data, String key) {
    return data.items().stream()
        .filter(i -> i.getKey().equals(key))
        .findFirst()
        .map(i -> ((Number) i.getValue()).intValue())
        .orElseThrow(() -> new AssertionError("no display data " + key));
  }

  @Test
  void displayDataShowsEveryOptionAndNoSecret() {
    DisplayData data =
        DisplayData.from(
            FormalooIO.writeCustomers()
                .withConfig(CONFIG)
                .withShards(6)
                .withMaxConcurrentRequests(12)
                .withMaxRequestsPerSecond(30)
                .withBatchSize(500)
                .withBulkImportAbove(50));
    List<String> keys =
        data.items().stream().map(DisplayData.Item::getKey).collect(Collectors.toList());
    for (String key :
        List.of(
            "records",
            "shards",
            "maxConcurrentRequests",
            "maxRequestsPerSecond",
            "batchSize",
            "maxBatchBytes",
            "maxBufferingDuration",
            "bulkImport",
            "bulkImportTimeout",
            "errorHandler",
            "business",
            "baseUrl")) {
      assertThat(keys, hasItem(key));
    }
    assertThat(data.toString(), containsString("batches of more than 50 records"));
    assertThat(data.toString(), not(containsString("the-very-secret-secret")));
  }

  @Test
  void resultsHaveBeamSchemas() throws Exception {
    Pipeline p = Emulated.pipeline();
    Schema written = p.getSchemaRegistry().getSchema(WrittenRecord.class);
    Schema failed = p.getSchemaRegistry().getSchema(FailedRecord.class);
    assertThat(written.getFieldNames(), hasItem("customerCode"));
    assertThat(written.getFieldNames(), hasItem("activitySlug"));
    assertThat(failed.getFieldNames(), hasItem("customer"));
    assertThat(failed.getFieldNames(), hasItem("status"));
    assertThat(failed.getFieldNames(), hasItem("jobSlug"));
    assertThat(failed.getFieldNames(), not(hasItem("retryable")));
  }

  @Test
  void failuresAlsoReachTheErrorHandlerAsBadRecordsAndConvertToRows() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      List<Customer> input = new ArrayList<>(Fixtures.customers(0, 10));
      input.add(Customer.builder().setFullName("no identity").build());
      input.add(Fixtures.customerWithUnknownTag(20));

      Pipeline p = Emulated.pipeline();
      PTransform<PCollection<BadRecord>, PCollection<Long>> countBadRecords = Count.globally();
      BadRecordErrorHandler<PCollection<Long>> handler =
          p.registerBadRecordErrorHandler(countBadRecords);
      FormalooIO.Write.Result result =
          Fixtures.create(p, input)
              .apply(
                  FormalooIO.writeCustomers()
                      .withConfig(Emulated.config(emulator))
                      .withoutBulkImport()
                      .withErrorHandler(handler));
      handler.close();
      PAssert.that(handler.getOutput()).containsInAnyOrder(2L);
      CollectedOutput<Row> failedRows =
          CollectedOutput.of(result.getFailed().apply(Convert.toRows()));
      p.run().waitUntilFinish();

      List<Row> rows = failedRows.elements();
      assertThat(rows.size(), is(2));
      assertThat(
          rows.stream()
              .map(r -> r.getRow("customer").getString("fullName"))
              .collect(Collectors.toSet()),
          hasItem("no identity"));
    }
  }
}
