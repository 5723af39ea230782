package io.formaloo.beam.pipelines.analytics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.pipelines.report.ReportFiles;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.Warehouses;
import io.formaloo.beam.pipelines.testing.Warehouses.Kind;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code scripts/analytics --warehouse=...}: the report of an export's tables. */
class WarehouseAnalyticsTest {
  @RegisterExtension
  static final FormalooEmulatorExtension formaloo = FormalooEmulatorExtension.seeded(120, 700);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theReportFromTheWarehouseIsTheReportFromTheFiles(Kind kind) throws Exception {
    String url = Warehouses.create(kind, dir);
    Runs.Run toFiles = Runs.export(formaloo.emulator(), "--outputDir=" + dir.resolve("files"));
    Runs.Run toWarehouse =
        Runs.export(
            formaloo.emulator(), "--warehouse=" + url, "--deadLetterDir=" + dir.resolve("dead"));
    assertThat(toFiles.printed(), toFiles.exitCode(), is(0));
    assertThat(toWarehouse.printed(), toWarehouse.exitCode(), is(0));

    Runs.Run fromFiles =
        Runs.analytics(
            formaloo.emulator(),
            "--inputDir=" + dir.resolve("files"),
            "--outputDir=" + dir.resolve("report-files"));
    Runs.Run fromWarehouse =
        Runs.analytics(
            formaloo.emulator(),
            "--warehouse=" + url,
            "--outputDir=" + dir.resolve("report-warehouse"));

    assertThat(fromFiles.printed(), fromFiles.exitCode(), is(0));
    assertThat(fromWarehouse.printed(), fromWarehouse.exitCode(), is(0));
    assertThat(fromWarehouse.out(), containsString("analysed 120 customers and 700 activities"));
    for (String csv :
        new String[] {ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV}) {
      assertThat(
          csv,
          Files.readString(dir.resolve("report-warehouse").resolve(csv)),
          is(Files.readString(dir.resolve("report-files").resolve(csv))));
    }
  }

  @Test
  void aWarehouseWithoutTheTablesIsNamedBeforeAnythingStarts() {
    Runs.Run run =
        Runs.analytics(
            formaloo.emulator(),
            "--warehouse=" + Warehouses.duckdb(dir),
            "--outputDir=" + dir.resolve("report"));

    assertThat(run.printed(), run.exitCode(), is(2));
    assertThat(run.err(), containsString("holds no customers table"));
  }
}
