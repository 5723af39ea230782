package io.formaloo.beam.harness;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.pipelines.analytics.Analytics;
import io.formaloo.beam.pipelines.analytics.AnalyticsOptions;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.backfill.BackfillOptions;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.Elapsed;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.export.ExportOptions;
import io.formaloo.beam.pipelines.files.OutputFormat;
import io.formaloo.beam.pipelines.report.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The demo: the three pipelines, end to end, against an emulator started in this process, so that
 * it needs nothing but a JDK.
 *
 * <ol>
 *   <li>starts the Formaloo API emulator, seeded with customers and activities;
 *   <li>generates backfill input (customers as JSON Lines, activities as CSV, some of each bad) and
 *       backfills it: the bad records end in the dead letters;
 *   <li>exports everything to files;
 *   <li>exports everything, incrementally, into a DuckDB warehouse ({@code warehouse.duckdb});
 *   <li>analyses the warehouse into CSV files and an HTML report.
 * </ol>
 *
 * <p>Its own options are {@link DemoOptions}; every other option goes to the three pipelines, e.g.
 * {@code --runner=FlinkRunner --flinkMaster=[local]}: each runs on a view of the same options
 * ({@code as(BackfillOptions.class)}, ...), typed, with no command line built in between.
 */
public final class Demo {
  public static final String NAME = "demo";

  private Demo() {}

  /**
   * Runs the demo from the command line; exits 0 when done, 1 if it failed, 2 for wrong options.
   */
  public static void main(String[] args) {
    Cli.main(NAME, DemoOptions.class, args, Demo::run);
  }

  /** Parses {@code args} and runs the demo. */
  static RunOutcome run(String[] args, Terminal terminal) {
    // The pipelines' own options may be given too (they go to each pipeline).
    PipelineOptionsFactory.register(BackfillOptions.class);
    PipelineOptionsFactory.register(ExportOptions.class);
    PipelineOptionsFactory.register(AnalyticsOptions.class);
    return run(Cli.parse(args, DemoOptions.class), terminal);
  }

  /** Runs the demo; answers the analytics' outcome. */
  public static RunOutcome run(DemoOptions options, Terminal terminal) {
    Path work =
        Paths.get(Objects.requireNonNullElse(options.getWorkDir(), "target/demo")).toAbsolutePath();
    int customers =
        positive("--customers", Objects.requireNonNullElse(options.getCustomers(), 2_000));
    int activities =
        positive("--activities", Objects.requireNonNullElse(options.getActivities(), 20_000));
    int backfillCustomers = positive("--backfillCustomers", options.getBackfillCustomers());
    int backfillActivities = positive("--backfillActivities", options.getBackfillActivities());
    String format = OutputFormat.parse(options.getExportFormat()).toString();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    long start = System.nanoTime();
    terminal
        .out()
        .printf(
            "demo: starting the Formaloo API emulator with %,d customers and %,d"
                + " activities ...%n",
            customers, activities);
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(customers)
                .seedActivities(activities)
                .seedDates(today.minusDays(60), today.plusDays(1))
                .build())) {
      terminal
          .out()
          .printf("demo: emulator at %s, business %s%n", emulator.baseUrl(), emulator.business());
      Terminal withCredentials = terminal.withCredentials(emulator.apiKey(), emulator.apiSecret());
      options.setFormalooBaseUrl(emulator.baseUrl());
      options.setFormalooBusiness(emulator.business());

      SampleFiles.Generated input =
          generate(work.resolve("input"), backfillCustomers, backfillActivities, today);
      terminal
          .out()
          .printf("%ndemo: 1/4 backfill of %s and %s%n", input.customers(), input.activities());
      BackfillOptions backfill = options.as(BackfillOptions.class);
      backfill.setCustomersInput(input.customers().toString());
      backfill.setActivitiesInput(input.activities().toString());
      backfill.setDeadLetterDir(work.resolve("dead-letters").toString());
      Backfill.run(backfill, withCredentials);

      terminal.out().printf("%ndemo: 2/4 export of everything, as %s%n", format);
      ExportOptions export = options.as(ExportOptions.class);
      export.setOutputDir(work.resolve("export").toString());
      export.setFormat(format);
      // The backfill's dead letters are its own; the export's go to its default place.
      export.setDeadLetterDir(null);
      Export.run(export, withCredentials);

      Path warehouse = work.resolve(WAREHOUSE);
      String warehouseUrl = "jdbc:duckdb:" + warehouse;
      terminal.out().printf("%ndemo: 3/4 export of everything into the warehouse %s%n", warehouse);
      // A new emulator holds new customers: yesterday's demo's warehouse would only mark its
      // customers deleted.
      deleteWarehouse(warehouse);
      export.setOutputDir(null);
      export.setWarehouse(warehouseUrl);
      export.setIncremental(true);
      export.setDeadLetterDir(work.resolve("warehouse-dead-letters").toString());
      Export.run(export, withCredentials);

      terminal.out().printf("%ndemo: 4/4 analytics of the warehouse%n");
      AnalyticsOptions analyticsOptions = options.as(AnalyticsOptions.class);
      analyticsOptions.setWarehouse(warehouseUrl);
      analyticsOptions.setOutputDir(work.resolve("report").toString());
      RunOutcome analytics = Analytics.run(analyticsOptions, withCredentials);

      Path report = work.resolve("report").resolve(ReportFiles.REPORT);
      terminal
          .out()
          .printf(
              "%ndemo: done in %s. Everything is under %s%n"
                  + "  dead letters  %s%n  export        %s%n  warehouse     %s%n"
                  + "  report        %s%n"
                  + "Open the report in a browser: %s%n"
                  + "Query the warehouse: duckdb %s \"SELECT count(*) FROM activities\"%n",
              Elapsed.format(Duration.ofNanos(System.nanoTime() - start)),
              work,
              work.resolve("dead-letters"),
              work.resolve("export"),
              warehouse,
              report,
              report.toUri(),
              warehouse);
      return analytics;
    }
  }

  /** The DuckDB file the demo's warehouse export writes, under the work folder. */
  public static final String WAREHOUSE = "warehouse.duckdb";

  private static void deleteWarehouse(Path warehouse) {
    try {
      Files.deleteIfExists(warehouse);
      Files.deleteIfExists(Path.of(warehouse + ".wal"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo's old warehouse " + warehouse, e);
    }
  }

  private static SampleFiles.Generated generate(
      Path folder, int customers, int activities, LocalDate today) {
    try {
      return SampleFiles.write(folder, customers, activities, today.minusDays(30), today, true, 42);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's input files to " + folder, e);
    }
  }

  private static int positive(String option, int value) {
    if (value < 1) {
      throw new InvalidOptionException(option + " must be a positive number, got " + value);
    }
    return value;
  }
}
