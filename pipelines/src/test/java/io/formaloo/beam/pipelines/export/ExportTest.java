package io.formaloo.beam.pipelines.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
  private static FormalooEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void startEmulator() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(120)
                .seedActivities(600)
                .seedDates(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 11))
                .build());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void exportsEveryEntityAsJsonLinesInTheApisOwnJson() {
    Runs.Run run = Runs.export(emulator, "--outputDir=" + dir);

    assertThat(run.printed(), run.exitCode(), is(0));
    List<Customer> customers = Outputs.records(dir, "customers", Customer.class);
    assertThat(
        customers.stream().map(Customer::getCode).collect(Collectors.toSet()),
        is(new HashSet<>(emulator.customerCodes())));
    assertThat(customers.size(), is(120));
    List<Activity> activities = Outputs.records(dir, "activities", Activity.class);
    assertThat(
        activities.stream().map(Activity::getSlug).collect(Collectors.toSet()),
        is(new HashSet<>(emulator.activitySlugs())));
    assertThat(activities.size(), is(600));
    assertThat(Outputs.jsonLines(dir, "tags").size(), is(4));
    assertThat(Outputs.jsonLines(dir, "action_types").size(), is(8));
    assertThat(Outputs.jsonLines(dir, "currencies").size(), is(6));
    assertThat(Outputs.jsonLines(dir, "activities").get(0), containsString("\"activity_date\""));
    assertThat(run.out(), containsString("customers: 120 records"));
    assertThat(run.out(), containsString("activities: 600 records"));
  }

  @Test
  void theSummarySaysWhatTheJobRanOnAndWhatBoundedItsRequestRate() {
    Runs.Run run =
        Runs.export(emulator, "--outputDir=" + dir, "--entities=tags", "--targetParallelism=5");

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(
        run.out(),
        containsString(
            "ran on: DirectRunner, 5 threads (--targetParallelism); request rate adaptive, at most"
                + " 2000.0/s per worker (--maxRequestsPerSecond)"));
  }

  @Test
  void whatTheReadsCannotReadGoesToTheDeadLettersAndTheRestIsExported() {
    try (FormalooEmulator own =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(50).build())) {
      String bad = own.customerCodes().get(7);
      own.malformCustomer(bad);

      Runs.Run run = Runs.export(own, "--outputDir=" + dir, "--entities=customers");

      assertThat(run.printed(), run.exitCode(), is(0));
      Set<String> exported =
          Outputs.records(dir, "customers", Customer.class).stream()
              .map(Customer::getCode)
              .collect(Collectors.toSet());
      Set<String> good = new HashSet<>(own.customerCodes());
      good.remove(bad);
      assertThat(exported, is(good));
      List<com.fasterxml.jackson.databind.JsonNode> unread =
          Outputs.deadLetters(dir.resolve("_dead-letters"), "customers");
      assertThat(unread.size(), is(1));
      assertThat(unread.get(0).path("record").path("code").asText(), is(bad));
      assertThat(unread.get(0).path("error").path("kind").asText(), is("UNREADABLE_RECORD"));
      assertThat(run.out(), containsString("customers: 49 records, 1 could not be read"));
    }
  }

  @Test
  void writesAvroWithTheApisFieldNames() throws IOException {
    Runs.Run run =
        Runs.export(
            emulator, "--outputDir=" + dir, "--format=avro", "--entities=customers,activities");

    assertThat(run.printed(), run.exitCode(), is(0));
    List<GenericRecord> customers = new ArrayList<>();
    for (Path part : Outputs.parts(dir, "customers")) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(part.toFile(), new GenericDatumReader<>())) {
        reader.forEach(customers::add);
      }
    }
    assertThat(customers.size(), is(120));
    assertThat(
        fieldNames(customers.get(0)),
        hasItems("code", "full_name", "email", "phone_number", "customer_data", "created_at"));
    List<GenericRecord> activities = new ArrayList<>();
    for (Path part : Outputs.parts(dir, "activities")) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(part.toFile(), new GenericDatumReader<>())) {
        reader.forEach(activities::add);
      }
    }
    assertThat(activities.size(), is(600));
    GenericRecord activity = activities.get(0);
    assertThat(
        Set.of("create", "read", "update", "delete", "undefined")
            .contains(activity.get("operation_type").toString()),
        is(true));
    assertThat(fieldNames((GenericRecord) activity.get("customer")), hasItems("full_name", "code"));
  }

  @Test
  void writesParquetThatReadsBackAsTheSameRecords() throws IOException {
    Runs.Run run =
        Runs.export(emulator, "--outputDir=" + dir, "--format=parquet", "--entities=customers");

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(Outputs.parquetCodes(dir, "customers"), is(new HashSet<>(emulator.customerCodes())));
  }

  @Test
  void sinceAndUntilSelectActivitiesByTheDayTheyWereCreated() {
    Runs.Run all =
        Runs.export(emulator, "--outputDir=" + dir.resolve("all"), "--entities=activities");
    Runs.Run window =
        Runs.export(
            emulator,
            "--outputDir=" + dir.resolve("window"),
            "--entities=activities",
            "--since=2026-05-03",
            "--until=2026-05-05");

    assertThat(all.printed(), all.exitCode(), is(0));
    assertThat(window.printed(), window.exitCode(), is(0));
    Set<String> expected =
        Outputs.records(dir.resolve("all"), "activities", Activity.class).stream()
            .filter(a -> createdOn(a, LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 5)))
            .map(Activity::getSlug)
            .collect(Collectors.toSet());
    Set<String> exported =
        Outputs.records(dir.resolve("window"), "activities", Activity.class).stream()
            .map(Activity::getSlug)
            .collect(Collectors.toSet());
    assertThat(exported, is(expected));
    assertThat(expected.isEmpty(), is(false));
  }

  @Test
  void aNewExportReplacesTheFilesOfTheLastOne() {
    Runs.export(emulator, "--outputDir=" + dir, "--entities=customers", "--shards=4");
    Runs.Run again =
        Runs.export(emulator, "--outputDir=" + dir, "--entities=customers", "--shards=1");

    assertThat(again.printed(), again.exitCode(), is(0));
    assertThat(Outputs.parts(dir, "customers").size(), is(1));
    assertThat(Outputs.jsonLines(dir, "customers").size(), is(120));
  }

  private static boolean createdOn(Activity a, LocalDate from, LocalDate to) {
    LocalDate day =
        java.time.Instant.ofEpochMilli(a.getCreatedAt().getMillis())
            .atZone(ZoneOffset.UTC)
            .toLocalDate();
    return !day.isBefore(from) && !day.isAfter(to);
  }

  private static List<String> fieldNames(GenericRecord record) {
    return record.getSchema().getFields().stream()
        .map(org.apache.avro.Schema.Field::name)
        .collect(Collectors.toList());
  }
}
