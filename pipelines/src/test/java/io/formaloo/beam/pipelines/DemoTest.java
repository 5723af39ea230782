package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo that scripts/demo runs, smaller. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void backfillsExportsAndReportsAgainstItsOwnEmulator() {
    Runs.Run run =
        Runs.run(
            Demo.NAME,
            FormalooOptions.class,
            Demo::run,
            Map.of(),
            "--workDir=" + dir,
            "--customers=200",
            "--activities=1000",
            "--backfillCustomers=40",
            "--backfillActivities=100",
            "--exportFormat=parquet",
            "--progressIntervalSeconds=0");

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(run.out(), containsString("customers: 44 read, 40 written, 4 failed"));
    assertThat(run.out(), containsString("customers: 240 records"));
    assertThat(run.out(), containsString("analysed 240 customers and 1,100 activities"));
    assertThat(run.out(), containsString("Open the report in a browser: file:"));
    assertThat(Files.exists(dir.resolve("report").resolve(ReportFiles.REPORT)), is(true));
    assertThat(Files.exists(dir.resolve("export/customers/part-00000-of-00004.parquet")), is(true));
  }
}
