package io.formaloo.beam.pipelines.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.pipelines.report.ReportFiles;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each pipeline on Beam's SparkRunner, on Spark {@code local[2]} (Spark 3.5 from Maven, in this
 * JVM), as the command line runs it: the same exact outcomes as on the Direct runner.
 */
class SparkRunnerTest {
  private static final String[] SPARK = {"--runner=SparkRunner", "--sparkMaster=local[2]"};

  private static FormalooEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void startEmulator() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(100)
                .seedActivities(500)
                .seedDates(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15))
                .build());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void backfillRunsOnSparkAndWritesEachGoodRecordOnce() throws IOException {
    int customersBefore = emulator.customerCount();
    int activitiesBefore = emulator.activityCount();
    SampleFiles.Generated in =
        SampleFiles.write(
            dir.resolve("in"), 30, 80, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 8), true, 5);

    Runs.Run run =
        Runs.backfill(
            emulator,
            spark(
                "--customersInput=" + in.customers(),
                "--activitiesInput=" + in.activities(),
                "--deadLetterDir=" + dir.resolve("dead")));

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(emulator.customerCount(), is(customersBefore + 30));
    assertThat(emulator.activityCount(), is(activitiesBefore + 80));
    assertThat(
        Outputs.kinds(Outputs.deadLetters(dir.resolve("dead"), "customers")),
        is(List.of("INVALID", "INVALID", "UNPARSEABLE", "UNPARSEABLE")));
    assertThat(
        Outputs.kinds(Outputs.deadLetters(dir.resolve("dead"), "activities")),
        is(List.of("INVALID", "REJECTED", "UNPARSEABLE", "UNPARSEABLE", "UNPARSEABLE")));
    assertThat(run.out(), containsString("customers: 34 read, 30 written, 4 failed"));
    assertThat(run.out(), containsString("ran on: SparkRunner"));
  }

  @Test
  void exportRunsOnSparkAndWritesEachRecordOnce() throws IOException {
    Runs.Run run =
        Runs.export(
            emulator, spark("--outputDir=" + dir, "--format=parquet", "--entities=customers,tags"));

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(Outputs.parquetCodes(dir, "customers"), is(new HashSet<>(emulator.customerCodes())));
    assertThat(Outputs.parts(dir, "tags").size(), is(1));
    assertThat(run.out(), containsString("customers: " + emulator.customerCount() + " records"));
  }

  @Test
  void analyticsRunsOnSparkAndAgreesWithTheDirectRunner() throws IOException {
    Runs.Run direct = Runs.analytics(emulator, "--outputDir=" + dir.resolve("direct"));
    Runs.Run spark = Runs.analytics(emulator, spark("--outputDir=" + dir.resolve("spark")));

    assertThat(direct.printed(), direct.exitCode(), is(0));
    assertThat(spark.printed(), spark.exitCode(), is(0));
    for (String file : List.of(ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV)) {
      assertThat(
          file,
          Files.readString(dir.resolve("spark").resolve(file)),
          is(Files.readString(dir.resolve("direct").resolve(file))));
    }
    assertThat(Files.exists(dir.resolve("spark").resolve(ReportFiles.REPORT)), is(true));
  }

  private static String[] spark(String... args) {
    String[] all = new String[SPARK.length + args.length];
    System.arraycopy(SPARK, 0, all, 0, SPARK.length);
    System.arraycopy(args, 0, all, SPARK.length, args.length);
    return all;
  }
}
