package io.formaloo.beam.pipelines.backfill;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {
  private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
  private static final LocalDate TO = LocalDate.of(2026, 4, 1);

  @TempDir Path dir;

  /** A fresh emulator for each test: each counts what its own backfill wrote. */
  @RegisterExtension
  final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(EmulatorConfig.builder());

  private FormalooEmulator emulator;

  @BeforeEach
  void useTheEmulator(FormalooEmulator started) {
    emulator = started;
  }

  @Test
  void writesTheGoodRecordsAndDeadLettersEveryOtherWithItsReason() throws Exception {
    SampleFiles.Generated in = SampleFiles.write(dir.resolve("in"), 40, 120, FROM, TO, true, 1);

    Runs.Run run =
        Runs.backfill(
            emulator,
            "--customersInput=" + in.customers(),
            "--activitiesInput=" + in.activities(),
            "--deadLetterDir=" + dir.resolve("dead"));

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(emulator.customerCount(), is(40));
    assertThat(emulator.findCustomerByEmail(SampleFiles.email(39)), notNullValue());
    assertThat(emulator.activityCount(), is(120));

    List<JsonNode> customers = Outputs.deadLetters(dir.resolve("dead"), "customers");
    assertThat(
        Outputs.kinds(customers), is(List.of("INVALID", "INVALID", "UNPARSEABLE", "UNPARSEABLE")));
    List<JsonNode> activities = Outputs.deadLetters(dir.resolve("dead"), "activities");
    assertThat(
        Outputs.kinds(activities),
        is(List.of("INVALID", "REJECTED", "UNPARSEABLE", "UNPARSEABLE", "UNPARSEABLE")));
    JsonNode rejected =
        activities.stream()
            .filter(d -> d.get("error").get("kind").asText().equals("REJECTED"))
            .findFirst()
            .orElseThrow();
    assertThat(rejected.get("error").get("status").asInt(), is(400));
    assertThat(
        rejected.get("record").get("customer").get("code").asText(),
        is(SampleFiles.UNKNOWN_CUSTOMER_CODE));
    assertThat(
        run.out(), containsString("customers: 44 read, 40 written, 4 failed (2 unparseable"));
    assertThat(
        run.out(), containsString("activities: 125 read, 120 written, 5 failed (3 unparseable"));
  }

  @Test
  void saysWhereAndWhyALineCouldNotBeParsed() throws Exception {
    SampleFiles.Generated in = SampleFiles.write(dir.resolve("in"), 10, 0, FROM, TO, true, 1);

    Runs.backfill(
        emulator, "--customersInput=" + in.customers(), "--deadLetterDir=" + dir.resolve("dead"));

    List<JsonNode> unparseable =
        Outputs.deadLetters(dir.resolve("dead"), "customers").stream()
            .filter(d -> d.get("error").get("kind").asText().equals("UNPARSEABLE"))
            .collect(Collectors.toList());
    JsonNode notJson =
        unparseable.stream().filter(d -> d.get("record").isTextual()).findFirst().orElseThrow();
    assertThat(notJson.get("record").asText(), containsString("broken@example.org"));
    assertThat(notJson.get("error").get("message").asText(), containsString("not JSON"));
    assertThat(notJson.get("error").get("file").asText(), is(in.customers().toString()));
    assertThat(notJson.get("error").get("line").asInt(), is(7));
    JsonNode wrongType =
        unparseable.stream().filter(d -> d.get("record").isObject()).findFirst().orElseThrow();
    assertThat(wrongType.get("record").get("score").asText(), is("very high"));
    assertThat(wrongType.get("error").get("message").asText(), containsString("score"));
  }

  @Test
  void replayingTheDeadLettersWritesWhatFailedBefore() throws Exception {
    SampleFiles.Generated in = SampleFiles.write(dir.resolve("in"), 12, 30, FROM, TO, false, 2);
    // Every request fails: each record ends in the dead letters as a retryable failure. The
    // write-key flow has no pre-flight read, which the failing API would refuse.
    emulator.setFaults(Faults.builder().errorRate(1.0).build());
    Runs.Run failing =
        Runs.backfill(
            emulator,
            "--formalooAuthFlow=WRITE_KEY_ONLY",
            "--formalooMaxAttempts=1",
            "--bulkImport=never",
            "--customersInput=" + in.customers(),
            "--activitiesInput=" + in.activities(),
            "--deadLetterDir=" + dir.resolve("dead"));
    assertThat(failing.printed(), failing.exitCode(), is(0));
    List<JsonNode> failed = Outputs.deadLetters(dir.resolve("dead"), "customers");
    assertThat(failed.size(), is(12));
    assertThat(
        failed.stream().map(d -> d.get("error").get("retryable").asBoolean()).toList(),
        everyItem(is(true)));
    assertThat(emulator.customerCount(), is(0));

    emulator.setFaults(Faults.none());
    Path deadCustomers = dir.resolve("dead/customers/failures-00000-of-00001.jsonl");
    Path deadActivities = dir.resolve("dead/activities/failures-00000-of-00001.jsonl");
    Runs.Run replay =
        Runs.backfill(
            emulator,
            "--customersInput=" + deadCustomers,
            "--activitiesInput=" + deadActivities,
            "--deadLetterDir=" + dir.resolve("dead-again"));

    assertThat(replay.printed(), replay.exitCode(), is(0));
    assertThat(emulator.customerCount(), is(12));
    assertThat(emulator.activityCount(), is(30));
    assertThat(Outputs.deadLetters(dir.resolve("dead-again"), "customers"), is(empty()));
    assertThat(Outputs.deadLetters(dir.resolve("dead-again"), "activities"), is(empty()));
  }

  @Test
  void aReplayOfItsOwnDeadLettersIntoTheSameFolderIsRefused() throws Exception {
    Path dead = dir.resolve("dead");
    Files.createDirectories(dead.resolve("customers"));
    Path file = dead.resolve("customers/failures-00000-of-00001.jsonl");
    Files.writeString(file, "{\"record\": {\"email\": \"a@example.org\"}, \"error\": {}}\n");

    Runs.Run run = Runs.backfill(emulator, "--customersInput=" + file, "--deadLetterDir=" + dead);

    assertThat(run.exitCode(), is(Cli.USAGE));
    assertThat(run.err(), containsString("--deadLetterDir"));
    assertThat(emulator.customerCount(), is(0));
  }

  @Test
  void readsCsvCustomersAndJsonLinesActivitiesToo() throws Exception {
    Path customers = dir.resolve("customers.csv");
    Files.writeString(
        customers,
        "email,full_name,score,tags,customer_data\r\n"
            + "ada@example.org,\"Lovelace, Ada\",910,vip;beta,\"{\"\"city\"\": \"\"London\"\"}\"\r\n"
            + "alan@example.org,Alan Turing,,,\r\n");
    Path activities = dir.resolve("activities.jsonl");
    Files.writeString(
        activities,
        "{\"action\": {\"slug\": \"purchase\"}, \"customer\": {\"email\": \"ada@example.org\"},"
            + " \"monetary_value\": \"12.50\", \"currency\": \"USD\","
            + " \"activity_date\": \"2026-03-02T10:00:00Z\"}\n");

    Runs.Run run =
        Runs.backfill(
            emulator,
            "--customersInput=" + customers,
            "--activitiesInput=" + activities,
            "--deadLetterDir=" + dir.resolve("dead"));

    assertThat(run.printed(), run.exitCode(), is(0));
    JsonNode ada = emulator.findCustomerByEmail("ada@example.org");
    assertThat(ada.get("full_name").asText(), is("Lovelace, Ada"));
    assertThat(ada.get("score").asInt(), is(910));
    assertThat(ada.get("customer_data").get("city").asText(), is("London"));
    assertThat(ada.get("tags").size(), is(2));
    assertThat(emulator.findCustomerByEmail("alan@example.org"), notNullValue());
    assertThat(emulator.activityCount(), is(1));
  }
}
