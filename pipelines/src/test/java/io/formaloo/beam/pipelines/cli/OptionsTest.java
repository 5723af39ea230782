package io.formaloo.beam.pipelines.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.pipelines.analytics.Analytics;
import io.formaloo.beam.pipelines.analytics.AnalyticsOptions;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.backfill.BackfillOptions;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.export.ExportOptions;
import io.formaloo.beam.pipelines.testing.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing or wrong option fails before anything starts (exit code 2), with a message that names
 * it; and no credential is ever printed.
 */
class OptionsTest {
  private static final String KEY = "key-8c1f2a77e5";
  private static final String SECRET = "secret-5b9e0d43a1";

  private static FormalooEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void startEmulator() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().apiKey(KEY).apiSecret(SECRET).seedCustomers(5).build());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void theBusinessIsRequired() {
    assertRefused(
        export(environment(), "--formalooBaseUrl=" + emulator.baseUrl(), "--outputDir=" + dir),
        "--formalooBusiness is required");
  }

  @Test
  void theApiKeyIsRequired() {
    assertRefused(export(Map.of(), withEmulator("--outputDir=" + dir)), "--formalooApiKey");
  }

  @Test
  void theSecretIsRequiredByTheTokenFlows() {
    assertRefused(
        export(
            Map.of(ConfigFromOptions.API_KEY_VARIABLE, KEY),
            withEmulator("--outputDir=" + dir, "--formalooAuthFlow=oauth2_client_credentials")),
        "--formalooApiSecret is required with --formalooAuthFlow=OAUTH2_CLIENT_CREDENTIALS");
  }

  @Test
  void credentialsOnTheCommandLineWorkToo() {
    Runs.Run run =
        export(
            Map.of(),
            withEmulator(
                "--formalooApiKey=" + KEY,
                "--formalooApiSecret=" + SECRET,
                "--outputDir=" + dir,
                "--entities=tags"));

    assertThat(run.printed(), run.exitCode(), is(Cli.OK));
    assertThat(run.printed(), not(containsString(SECRET)));
  }

  @Test
  void anUnknownAuthFlowIsNamed() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--formalooAuthFlow=magic")),
        "--formalooAuthFlow must be one of");
  }

  @Test
  void plainHttpToAnotherHostIsRefused() {
    assertRefused(
        export(
            environment(),
            "--formalooBaseUrl=http://api.example.com/v1.0",
            "--formalooBusiness=acme",
            "--outputDir=" + dir),
        "--formalooBaseUrl");
  }

  @Test
  void anUnreachableBaseUrlIsNamed() {
    assertRefused(
        export(
            environment(),
            "--formalooBaseUrl=http://127.0.0.1:1/v1.0",
            "--formalooBusiness=acme",
            "--outputDir=" + dir),
        "--formalooBaseUrl=http://127.0.0.1:1/v1.0: cannot reach the API");
  }

  @Test
  void wrongCredentialsAreNamedAndNotPrinted() {
    Runs.Run run =
        export(
            Map.of(
                ConfigFromOptions.API_KEY_VARIABLE,
                KEY,
                ConfigFromOptions.API_SECRET_VARIABLE,
                "not-" + SECRET),
            withEmulator("--outputDir=" + dir));

    assertRefused(run, "--formalooApiKey/--formalooApiSecret");
    assertThat(run.printed(), not(containsString(SECRET)));
  }

  @Test
  void aWrongKeyStopsABackfillAfterItsPreflightWithoutPrintingTheKey() throws Exception {
    Path customers = Files.writeString(dir.resolve("c.jsonl"), "{\"email\": \"a@example.org\"}\n");
    emulator.resetRequestLog();
    Runs.Run run =
        Runs.run(
            Backfill.NAME,
            BackfillOptions.class,
            Backfill::run,
            Map.of(
                ConfigFromOptions.API_KEY_VARIABLE,
                "not-" + KEY,
                ConfigFromOptions.API_SECRET_VARIABLE,
                SECRET),
            withEmulator("--customersInput=" + customers, "--deadLetterDir=" + dir.resolve("d")));

    assertRefused(run, "--formalooApiKey/--formalooApiSecret");
    assertThat(run.err(), containsString("rejected"));
    assertThat(run.printed(), not(containsString("not-" + KEY)));
    // The pre-flight read: a token, a 401, one renewed token, a 401. Nothing else, no retries.
    assertThat(emulator.requestCount(), lessThanOrEqualTo(4L));
    assertThat(emulator.findCustomerByEmail("a@example.org"), is(nullValue()));
  }

  @Test
  void anUnknownBusinessIsNamed() {
    assertRefused(
        export(
            environment(),
            "--formalooBaseUrl=" + emulator.baseUrl(),
            "--formalooBusiness=no-such-business",
            "--outputDir=" + dir),
        "--formalooBusiness=no-such-business");
  }

  @Test
  void theRequestBudgetMustBePositive() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--maxRequestsPerSecond=0")),
        "--maxRequestsPerSecond must be a positive number");
  }

  @Test
  void anOptionNoPipelineHasIsNamed() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--outputDirectory=x")),
        "outputDirectory");
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--shards=many")),
        "--shards=many: ");
  }

  @Test
  void exportNeedsAnOutputDirOrAWarehouse() {
    assertRefused(export(environment(), withEmulator()), "--outputDir or --warehouse is required");
  }

  @Test
  void exportWritesFilesOrAWarehouseNotBoth() {
    assertRefused(
        export(
            environment(),
            withEmulator("--outputDir=" + dir, "--warehouse=jdbc:duckdb:" + dir + "/w.duckdb")),
        "--outputDir and --warehouse: give one of them");
  }

  @Test
  void anIncrementalExportTakesItsWindowFromTheBookmark() {
    assertRefused(
        export(
            environment(),
            withEmulator("--outputDir=" + dir, "--incremental", "--since=2026-01-01")),
        "--incremental reads from its bookmark: leave out --since/--until");
  }

  @Test
  void aWarehouseIsAPostgresOrDuckDbUrlAndItsPasswordIsNeverPrinted() {
    Runs.Run run =
        export(
            environment(),
            withEmulator("--warehouse=jdbc:mysql://ada:s3cret@127.0.0.1/db?password=s3cret"));
    assertRefused(run, "--warehouse must be a jdbc:postgresql://");
    assertThat(run.printed(), not(containsString("s3cret")));
  }

  @Test
  void exportKnowsItsFormats() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--format=csv")),
        "--format must be jsonl, avro or parquet, got csv");
  }

  @Test
  void exportKnowsItsEntities() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--entities=customers,orders")),
        "--entities: unknown entity \"orders\"");
  }

  @Test
  void datesAreCheckedAndNamed() {
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--since=last week")),
        "--since must be a date like 2026-01-31");
    assertRefused(
        export(
            environment(),
            withEmulator("--outputDir=" + dir, "--since=2026-05-02", "--until=2026-05-01")),
        "--since (2026-05-02) must not be after --until (2026-05-01)");
    assertRefused(
        export(environment(), withEmulator("--outputDir=" + dir, "--until=2026-05-01")),
        "--until needs --since");
    assertRefused(
        export(
            environment(),
            withEmulator("--outputDir=" + dir, "--entities=customers", "--since=2026-05-01")),
        "--since/--until select activities");
  }

  @Test
  void backfillNeedsInputAndADeadLetterFolder() {
    assertRefused(
        backfill(withEmulator("--deadLetterDir=" + dir)),
        "--customersInput or --activitiesInput is required");
    assertRefused(
        backfill(withEmulator("--customersInput=" + dir + "/*.jsonl")),
        "--deadLetterDir is required");
  }

  @Test
  void backfillsRequestsInFlightAreBounded() {
    assertRefused(
        backfill(
            withEmulator(
                "--customersInput=" + dir + "/*.jsonl",
                "--deadLetterDir=" + dir,
                "--maxConcurrentRequests=0")),
        "--maxConcurrentRequests must be between 1 and 1024, got 0");
  }

  @Test
  void aGlobThatMatchesNothingIsNamed() {
    assertRefused(
        backfill(
            withEmulator("--customersInput=" + dir + "/nothing-*.jsonl", "--deadLetterDir=" + dir)),
        "--customersInput=" + dir + "/nothing-*.jsonl matches no file");
  }

  @Test
  void aFileOfNoKnownFormatIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("customers.txt"), "{}\n");
    assertRefused(
        backfill(withEmulator("--customersInput=" + file, "--deadLetterDir=" + dir)),
        "cannot tell the format of [customers.txt]");
  }

  @Test
  void analyticsNeedsAnExportInItsInputDir() {
    assertRefused(
        Runs.run(
            Analytics.NAME,
            AnalyticsOptions.class,
            Analytics::run,
            Map.of(),
            "--inputDir=" + dir,
            "--outputDir=" + dir.resolve("report")),
        "has no customers export");
  }

  @Test
  void helpListsTheOptionsAndStartsNothing() {
    Runs.Run run = Runs.run(Export.NAME, ExportOptions.class, Export::run, Map.of(), "--help");

    assertThat(run.exitCode(), is(Cli.OK));
    assertThat(run.out(), containsString("--formalooBusiness"));
    assertThat(run.out(), containsString("--outputDir"));
    assertThat(run.out(), containsString("--maxRequestsPerSecond"));
  }

  @Test
  void noCredentialIsPrintedByARunThatWorks() throws Exception {
    SampleFiles.Generated in =
        SampleFiles.write(
            dir.resolve("in"),
            3,
            3,
            java.time.LocalDate.of(2026, 1, 1),
            java.time.LocalDate.of(2026, 1, 2),
            true,
            4);
    Runs.Run run =
        backfill(
            withEmulator(
                "--customersInput=" + in.customers(),
                "--activitiesInput=" + in.activities(),
                "--deadLetterDir=" + dir.resolve("dead")));

    assertThat(run.printed(), run.exitCode(), is(Cli.OK));
    assertThat(run.printed(), not(containsString(SECRET)));
    assertThat(run.printed(), not(containsString(KEY)));
    for (String entity : List.of("customers", "activities")) {
      assertThat(
          Files.readString(
              dir.resolve("dead").resolve(entity).resolve("failures-00000-of-00001.jsonl")),
          not(containsString(SECRET)));
    }
  }

  private static void assertRefused(Runs.Run run, String message) {
    assertThat(run.printed(), run.exitCode(), is(Cli.USAGE));
    assertThat(run.err(), containsString(message));
    assertThat(run.err(), matchesPattern("(?s)^(export|backfill|analytics): .*"));
    assertThat(run.printed(), not(containsString(SECRET)));
  }

  private static Map<String, String> environment() {
    return Map.of(
        ConfigFromOptions.API_KEY_VARIABLE, KEY, ConfigFromOptions.API_SECRET_VARIABLE, SECRET);
  }

  private static String[] withEmulator(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--formalooBaseUrl=" + emulator.baseUrl(),
                "--formalooBusiness=" + emulator.business(),
                "--progressIntervalSeconds=0"));
    all.addAll(Arrays.asList(args));
    return all.toArray(new String[0]);
  }

  private static Runs.Run export(Map<String, String> environment, String... args) {
    return Runs.run(Export.NAME, ExportOptions.class, Export::run, environment, args);
  }

  private static Runs.Run backfill(String... args) {
    return Runs.run(Backfill.NAME, BackfillOptions.class, Backfill::run, environment(), args);
  }
}
