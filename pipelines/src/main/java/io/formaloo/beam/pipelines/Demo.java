package io.formaloo.beam.pipelines;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo: the three pipelines, end to end, against an emulator started in this process, so that
 * it needs nothing but a JDK.
 *
 * <ol>
 *   <li>starts the Formaloo API emulator, seeded with customers and activities;
 *   <li>generates backfill input (customers as JSON Lines, activities as CSV, some of each bad) and
 *       backfills it: the bad records end in the dead letters;
 *   <li>exports everything;
 *   <li>analyses the export into CSV files and an HTML report.
 * </ol>
 *
 * <p>Its own options: {@code --workDir} (default {@code target/demo}), {@code --customers} and
 * {@code --activities} (the emulator's seed: 2,000 and 20,000), {@code --backfillCustomers} and
 * {@code --backfillActivities} (the generated input: 300 and 1,500), {@code --exportFormat} (jsonl,
 * avro or parquet). Every other option goes to the three pipelines, e.g. {@code
 * --runner=FlinkRunner --flinkMaster=[local]}.
 */
public final class Demo {
  static final String NAME = "demo";

  private static final List<String> OWN_OPTIONS =
      List.of(
          "--workDir",
          "--customers",
          "--activities",
          "--backfillCustomers",
          "--backfillActivities",
          "--exportFormat");

  private Demo() {}

  /**
   * Runs the demo from the command line; exits 0 when done, 1 if it failed, 2 for wrong options.
   */
  public static void main(String[] args) {
    Cli.main(NAME, FormalooOptions.class, args, Demo::run);
  }

  /** Runs the demo; answers the analytics' outcome. */
  static RunOutcome run(String[] args, Terminal terminal) {
    Map<String, String> own = new HashMap<>();
    List<String> passed = new ArrayList<>();
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (OWN_OPTIONS.contains(name)) {
        own.put(name, arg.substring(Math.min(arg.length(), name.length() + 1)));
      } else {
        passed.add(arg);
      }
    }
    Path work = Paths.get(own.getOrDefault("--workDir", "target/demo")).toAbsolutePath();
    int customers = positive(own, "--customers", 2_000);
    int activities = positive(own, "--activities", 20_000);
    int backfillCustomers = positive(own, "--backfillCustomers", 300);
    int backfillActivities = positive(own, "--backfillActivities", 1_500);
    String format = OutputFormat.parse(own.getOrDefault("--exportFormat", "jsonl")).toString();
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
      Terminal withCredentials = terminal.withCredentialsOf(emulator);
      List<String> common =
          new ArrayList<>(
              List.of(
                  "--formalooBaseUrl=" + emulator.baseUrl(),
                  "--formalooBusiness=" + emulator.business()));
      common.addAll(passed);

      SampleFiles.Generated input =
          generate(work.resolve("input"), backfillCustomers, backfillActivities, today);
      terminal
          .out()
          .printf("%ndemo: 1/3 backfill of %s and %s%n", input.customers(), input.activities());
      Backfill.run(
          with(
              common,
              "--customersInput=" + input.customers(),
              "--activitiesInput=" + input.activities(),
              "--deadLetterDir=" + work.resolve("dead-letters")),
          withCredentials);

      terminal.out().printf("%ndemo: 2/3 export of everything, as %s%n", format);
      Export.run(
          with(common, "--outputDir=" + work.resolve("export"), "--format=" + format),
          withCredentials);

      terminal.out().printf("%ndemo: 3/3 analytics of the export%n");
      RunOutcome analytics =
          Analytics.run(
              with(
                  common,
                  "--inputDir=" + work.resolve("export"),
                  "--outputDir=" + work.resolve("report")),
              withCredentials);

      Path report = work.resolve("report").resolve(ReportFiles.REPORT);
      terminal
          .out()
          .printf(
              "%ndemo: done in %s. Everything is under %s%n"
                  + "  dead letters  %s%n  export        %s%n  report        %s%n"
                  + "Open the report in a browser: %s%n",
              Elapsed.format(Duration.ofNanos(System.nanoTime() - start)),
              work,
              work.resolve("dead-letters"),
              work.resolve("export"),
              report,
              report.toUri());
      return analytics;
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

  private static String[] with(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(more));
    return all.toArray(new String[0]);
  }

  private static int positive(Map<String, String> own, String option, int fallback) {
    String value = own.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the option's name.
    }
    throw new InvalidOptionException(option + " must be a positive number, got " + value);
  }
}
