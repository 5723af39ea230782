package io.formaloo.beam.harness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.report.ReportFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo that scripts/demo runs, smaller. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void backfillsExportsAndReportsAgainstItsOwnEmulator() throws Exception {
    Printed run =
        demo(
            "--workDir=" + dir,
            "--customers=200",
            "--activities=1000",
            "--backfillCustomers=40",
            "--backfillActivities=100",
            "--exportFormat=parquet",
            "--progressIntervalSeconds=0");

    assertThat(run.all(), run.exitCode(), is(0));
    assertThat(run.out(), containsString("customers: 44 read, 40 written, 4 failed"));
    assertThat(run.out(), containsString("customers: 240 records"));
    assertThat(run.out(), containsString("analysed 240 customers and 1,100 activities"));
    assertThat(run.out(), containsString("Open the report in a browser: file:"));
    assertThat(Files.exists(dir.resolve("report").resolve(ReportFiles.REPORT)), is(true));
    assertThat(Files.exists(dir.resolve("export/customers/part-00000-of-00004.parquet")), is(true));
    assertThat(Files.exists(dir.resolve(Demo.WAREHOUSE)), is(true));
    assertThat(run.out(), containsString("bookmark: "));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(Demo.WAREHOUSE));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM customers WHERE deleted_at IS NULL")) {
      r.next();
      assertThat(r.getLong(1), is(240L));
    }
  }

  @Test
  void helpListsTheDemosOwnOptions() {
    Printed run = demo("--help");

    assertThat(run.all(), run.exitCode(), is(Cli.OK));
    assertThat(run.out(), containsString("--backfillCustomers"));
    assertThat(run.out(), containsString("--exportFormat"));
  }

  @Test
  void aWrongOptionIsAUsageErrorAndStartsNothing() {
    Printed run = demo("--workDir=" + dir, "--customers=-3");

    assertThat(run.all(), run.exitCode(), is(Cli.USAGE));
    assertThat(run.err(), containsString("--customers must be a positive number, got -3"));
    assertThat(Files.exists(dir.resolve("export")), is(false));
  }

  private record Printed(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static Printed demo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(Demo.NAME, DemoOptions.class, args, Demo::run, new Terminal(o, e, Map.of()));
    }
    return new Printed(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
