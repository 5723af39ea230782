package io.formaloo.beam.pipelines;

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
 * Each pipeline on the FlinkRunner, embedded ({@code --flinkMaster=[local]}), as the scripts run
 * it. Flink takes seconds to start, so each pipeline runs once, checked as thoroughly as on the
 * Direct runner.
 */
class FlinkRunnerTest {
  private static final String[] FLINK = {
    "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"
  };

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
  void backfillRunsOnFlink() throws IOException {
    int customersBefore = emulator.customerCount();
    int activitiesBefore = emulator.activityCount();
    SampleFiles.Generated in =
        SampleFiles.write(
            dir.resolve("in"), 30, 80, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 8), true, 5);

    Runs.Run run =
        Runs.backfill(
            emulator,
            flink(
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
  }

  @Test
  void exportRunsOnFlink() throws IOException {
    Runs.Run run =
        Runs.export(
            emulator, flink("--outputDir=" + dir, "--format=parquet", "--entities=customers,tags"));

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(Outputs.parquetCodes(dir, "customers"), is(new HashSet<>(emulator.customerCodes())));
    assertThat(Outputs.parts(dir, "tags").size(), is(1));
  }

  @Test
  void analyticsRunsOnFlinkAndAgreesWithTheDirectRunner() throws IOException {
    Runs.Run direct = Runs.analytics(emulator, "--outputDir=" + dir.resolve("direct"));
    Runs.Run flink = Runs.analytics(emulator, flink("--outputDir=" + dir.resolve("flink")));

    assertThat(direct.printed(), direct.exitCode(), is(0));
    assertThat(flink.printed(), flink.exitCode(), is(0));
    for (String file : List.of(ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV)) {
      assertThat(
          file,
          Files.readString(dir.resolve("flink").resolve(file)),
          is(Files.readString(dir.resolve("direct").resolve(file))));
    }
    assertThat(Files.exists(dir.resolve("flink").resolve(ReportFiles.REPORT)), is(true));
  }

  private static String[] flink(String... args) {
    String[] all = new String[FLINK.length + args.length];
    System.arraycopy(FLINK, 0, all, 0, FLINK.length);
    System.arraycopy(args, 0, all, FLINK.length, args.length);
    return all;
  }
}
