package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.files.CsvReader;
import io.formaloo.beam.pipelines.records.Json;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfill N records into an empty business, export them, and find them all, as they were. */
class RoundTripTest {
  private static final int CUSTOMERS = 150;
  private static final int ACTIVITIES = 400;

  @TempDir Path dir;

  @Test
  void whatBackfillWroteExportReadsBackUnchanged() throws IOException {
    try (FormalooEmulator emulator = FormalooEmulator.start(EmulatorConfig.builder().build())) {
      SampleFiles.Generated in =
          SampleFiles.write(
              dir.resolve("in"),
              CUSTOMERS,
              ACTIVITIES,
              LocalDate.of(2026, 2, 1),
              LocalDate.of(2026, 3, 1),
              false,
              3);
      Runs.Run backfill =
          Runs.backfill(
              emulator,
              "--customersInput=" + in.customers(),
              "--activitiesInput=" + in.activities(),
              "--deadLetterDir=" + dir.resolve("dead"));
      assertThat(backfill.printed(), backfill.exitCode(), is(0));

      Runs.Run export =
          Runs.export(
              emulator, "--outputDir=" + dir.resolve("out"), "--entities=customers,activities");
      assertThat(export.printed(), export.exitCode(), is(0));

      assertThat(
          Outputs.records(dir.resolve("out"), "customers", Customer.class).stream()
              .map(RoundTripTest::customerFacts)
              .collect(Collectors.toSet()),
          is(
              Files.readAllLines(in.customers()).stream()
                  .map(RoundTripTest::customerFacts)
                  .collect(Collectors.toSet())));
      List<String> exported =
          Outputs.records(dir.resolve("out"), "activities", Activity.class).stream()
              .map(RoundTripTest::activityFacts)
              .sorted()
              .collect(Collectors.toList());
      List<String> written =
          Files.readAllLines(in.activities()).stream()
              .skip(1)
              .map(RoundTripTest::csvActivityFacts)
              .sorted()
              .collect(Collectors.toList());
      assertThat(exported, is(written));
    }
  }

  private static String customerFacts(Customer c) {
    Set<String> tags =
        c.getTags() == null
            ? Set.of()
            : c.getTags().stream().map(Tag::getSlug).collect(Collectors.toSet());
    return String.join(
        "|",
        c.getEmail(),
        c.getFullName(),
        c.getPhoneNumber(),
        String.valueOf(c.getScore()),
        String.valueOf(c.customerData()),
        tags.toString());
  }

  private static String customerFacts(String jsonLine) {
    try {
      JsonNode c = Json.MAPPER.readTree(jsonLine);
      Set<String> tags =
          c.has("tags") ? Set.of(c.get("tags").get(0).get("slug").asText()) : Set.of();
      return String.join(
          "|",
          c.get("email").asText(),
          c.get("full_name").asText(),
          c.get("phone_number").asText(),
          c.get("score").asText(),
          c.get("customer_data").toString(),
          tags.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What an activity's input fixes: action, customer, when, how much. */
  private static String activityFacts(Activity a) {
    return String.join(
        "|",
        a.getAction().getSlug(),
        a.getCustomer().getEmail(),
        java.time.Instant.ofEpochMilli(a.getActivityDate().getMillis()).toString(),
        a.getMonetaryValue() == null
            ? ""
            : a.monetaryValueDecimal().stripTrailingZeros().toPlainString());
  }

  private static String csvActivityFacts(String line) {
    try {
      List<String> row = new CsvReader(new java.io.StringReader(line)).next();
      String amount = row.get(6);
      return String.join(
          "|",
          row.get(0),
          row.get(1),
          row.get(5),
          amount.isEmpty()
              ? ""
              : new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
