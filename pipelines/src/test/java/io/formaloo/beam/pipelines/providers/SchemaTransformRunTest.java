package io.formaloo.beam.pipelines.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.providers.ErrorHandling;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The schema transforms against the emulator, on the Direct runner: exact results, error rows. */
class SchemaTransformRunTest {
  @TempDir static Path folder;

  @RegisterExtension
  static final FormalooEmulatorExtension formaloo = FormalooEmulatorExtension.seeded(60, 120);

  private static FormalooEmulator emulator;
  private static EmulatedAccount account;

  @BeforeAll
  static void start() {
    emulator = formaloo.emulator();
    account = new EmulatedAccount(formaloo, folder);
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.create());
  }

  private static PCollection<String> field(PCollection<Row> rows, String name) {
    return rows.apply(
        "Field " + name, MapElements.into(TypeDescriptors.strings()).via(r -> r.getString(name)));
  }

  @Test
  void readCustomersGivesEveryCustomerOnceUnderTheApisNames() {
    Pipeline p = pipeline();
    PCollection<Row> rows =
        PCollectionRowTuple.empty(p)
            .apply(new ReadCustomersProvider().from(account.read().build()))
            .get("output");
    assertThat(rows.getSchema().hasField("full_name"), equalTo(true));
    assertThat(rows.getSchema().hasField("customer_data"), equalTo(true));
    PAssert.that(field(rows, "code")).containsInAnyOrder(emulator.customerCodes());
    p.run().waitUntilFinish();
  }

  @Test
  void readActivitiesOverTheSeedsDaysGivesEveryActivity() {
    Pipeline p = pipeline();
    PCollection<Row> rows =
        PCollectionRowTuple.empty(p)
            .apply(
                new ReadActivitiesProvider()
                    .from(
                        account
                            .read()
                            .setCreatedFrom("2025-12-01")
                            .setCreatedTo("2026-12-31")
                            .build()))
            .get("output");
    PAssert.that(field(rows, "slug")).containsInAnyOrder(emulator.activitySlugs());
    p.run().waitUntilFinish();
  }

  @Test
  void readActivitiesOfDaysBeforeAnyGivesNone() {
    Pipeline p = pipeline();
    PCollection<Row> rows =
        PCollectionRowTuple.empty(p)
            .apply(
                new ReadActivitiesProvider()
                    .from(
                        account
                            .read()
                            .setCreatedFrom("2001-01-01")
                            .setCreatedTo("2001-01-03")
                            .build()))
            .get("output");
    PAssert.that(rows).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void readReferenceListOfTags() {
    Pipeline p = pipeline();
    PCollection<Row> rows =
        PCollectionRowTuple.empty(p)
            .apply(new ReadReferenceListProvider().from(account.read().setList("tags").build()))
            .get("output");
    PAssert.that(field(rows, "slug")).containsInAnyOrder("vip", "newsletter", "churn-risk", "beta");
    p.run().waitUntilFinish();
  }

  @Test
  void writeCustomersWritesValidRowsAndSendsTheOthersToTheErrorOutput() {
    Schema input =
        Schema.builder()
            .addNullableField("email", Schema.FieldType.STRING)
            .addNullableField("full_name", Schema.FieldType.STRING)
            // Beam YAML reads a JSON integer as INT64: the write narrows it to the API's INT32.
            .addNullableField("score", Schema.FieldType.INT64)
            .build();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(
          Row.withSchema(input)
              .addValues("yaml" + i + "@example.com", "Yaml " + i, (long) i)
              .build());
    }
    Row noEmail = Row.withSchema(input).addValues(null, "Nobody", 1L).build();
    Row badEmail = Row.withSchema(input).addValues("not-an-email", "Bad", 2L).build();
    rows.add(noEmail);
    rows.add(badEmail);

    Pipeline p = pipeline();
    PCollectionRowTuple out =
        PCollectionRowTuple.of("input", p.apply(Create.of(rows).withRowSchema(input)))
            .apply(
                new WriteCustomersProvider()
                    .from(
                        account
                            .write()
                            .setBulkImportAbove(1_000)
                            .setErrorHandling(ErrorHandling.builder().setOutput("failed").build())
                            .build()));
    PAssert.that(field(out.get("written"), "email"))
        .containsInAnyOrder(
            "yaml0@example.com",
            "yaml1@example.com",
            "yaml2@example.com",
            "yaml3@example.com",
            "yaml4@example.com");
    PCollection<Row> failed = out.get("failed");
    PAssert.that(
            failed
                .apply(
                    "Failed rows",
                    MapElements.into(TypeDescriptors.rows()).via((Row r) -> r.getRow("failed_row")))
                .setRowSchema(input))
        .satisfies(
            failedRows -> {
              List<Row> all = new ArrayList<>();
              failedRows.forEach(all::add);
              assertThat(all, containsInAnyOrder(noEmail, badEmail));
              return null;
            });
    p.run().waitUntilFinish();

    for (int i = 0; i < 5; i++) {
      JsonNode customer = emulator.findCustomerByEmail("yaml" + i + "@example.com");
      assertThat(customer, notNullValue());
      assertThat(customer.path("score").asInt(-1), equalTo(i));
    }
    assertThat(emulator.findCustomerByEmail("not-an-email"), nullValue());
  }

  @Test
  void anIntegerOutOfTheApisRangeMakesItsRowAFailure() {
    Schema input =
        Schema.builder()
            .addNullableField("email", Schema.FieldType.STRING)
            .addNullableField("score", Schema.FieldType.INT64)
            .build();
    Pipeline p = pipeline();
    PCollectionRowTuple out =
        PCollectionRowTuple.of(
                "input",
                p.apply(
                    Create.of(Row.withSchema(input).addValues("big@example.com", 1L << 40).build())
                        .withRowSchema(input)))
            .apply(
                new WriteCustomersProvider()
                    .from(
                        account
                            .write()
                            .setErrorHandling(ErrorHandling.builder().setOutput("failed").build())
                            .build()));
    PAssert.that(out.get("written")).empty();
    PAssert.that(
            out.get("failed")
                .apply(
                    "Messages",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Row r) -> r.getString("error_message"))))
        .satisfies(
            messages -> {
              assertThat(messages.iterator().next(), containsString("out of the range of INT32"));
              return null;
            });
    p.run().waitUntilFinish();
    assertThat(emulator.findCustomerByEmail("big@example.com"), nullValue());
  }

  @Test
  void aWriteWithoutErrorHandlingFailsAtItsFirstFailure() {
    Schema input = Schema.builder().addNullableField("email", Schema.FieldType.STRING).build();
    Pipeline p = pipeline();
    PCollectionRowTuple.of(
            "input",
            p.apply(Create.of(Row.withSchema(input).addValue("nope").build()).withRowSchema(input)))
        .apply(new WriteCustomersProvider().from(account.write().build()));
    Exception failure = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    assertThat(failure.getMessage(), containsString("no error_handling output"));
  }

  @Test
  void activitiesReadAndWrittenBackAreWrittenOnceEach() {
    // A replay through YAML: the rows of a read, written again with their slugs, land as written
    // (an existing slug is an earlier attempt's write) and the business gains no duplicate.
    int before = emulator.activityCount();
    Pipeline p = pipeline();
    PCollection<Row> read =
        PCollectionRowTuple.empty(p)
            .apply(
                new ReadActivitiesProvider()
                    .from(
                        account
                            .read()
                            .setCreatedFrom("2025-12-01")
                            .setCreatedTo("2026-12-31")
                            .build()))
            .get("output");
    PCollectionRowTuple out =
        PCollectionRowTuple.of("input", read)
            .apply(
                new WriteActivitiesProvider()
                    .from(
                        account
                            .write()
                            .setErrorHandling(ErrorHandling.builder().setOutput("failed").build())
                            .build()));
    PAssert.that(field(out.get("written"), "activity_slug"))
        .containsInAnyOrder(emulator.activitySlugs());
    PAssert.that(out.get("failed")).empty();
    p.run().waitUntilFinish();
    assertThat(emulator.activityCount(), equalTo(before));
  }
}
