package io.formaloo.beam.pipelines.testing;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.analytics.Analytics;
import io.formaloo.beam.pipelines.analytics.AnalyticsOptions;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.backfill.BackfillOptions;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.export.ExportOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/** Runs the pipelines' command lines against an emulator, capturing what they print. */
public final class Runs {
  private Runs() {}

  /**
   * What one command line did.
   *
   * @param exitCode the exit code it would end with
   * @param outcome how the run ended, or null if it did not run to the end
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  public record Run(int exitCode, RunOutcome outcome, String out, String err) {
    /** Everything printed. */
    public String printed() {
      return out + err;
    }
  }

  /** The environment that hands the emulator's credentials over, as a person would. */
  public static Map<String, String> environment(FormalooEmulator emulator) {
    return Map.of(
        ConfigFromOptions.API_KEY_VARIABLE, emulator.apiKey(),
        ConfigFromOptions.API_SECRET_VARIABLE, emulator.apiSecret());
  }

  /** The options that point a pipeline at {@code emulator}, fast. */
  public static List<String> emulatorArgs(FormalooEmulator emulator) {
    return List.of(
        "--formalooBaseUrl=" + emulator.baseUrl(),
        "--formalooBusiness=" + emulator.business(),
        "--maxRequestsPerSecond=2000",
        "--progressIntervalSeconds=1");
  }

  /** Runs {@code command} against {@code emulator} with {@code args} after the emulator's. */
  static Run against(
      FormalooEmulator emulator,
      String name,
      Class<? extends PipelineOptions> options,
      Cli.Command command,
      String... args) {
    List<String> all = new ArrayList<>(emulatorArgs(emulator));
    all.addAll(Arrays.asList(args));
    return run(name, options, command, environment(emulator), all.toArray(new String[0]));
  }

  /** Runs {@code command} with exactly {@code args} and {@code environment}. */
  public static Run run(
      String name,
      Class<? extends PipelineOptions> options,
      Cli.Command command,
      Map<String, String> environment,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunOutcome[] outcome = new RunOutcome[1];
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          Cli.run(
              name,
              options,
              args,
              (a, t) -> outcome[0] = command.run(a, t),
              new Terminal(o, e, environment));
    }
    return new Run(
        code,
        outcome[0],
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  public static Run backfill(FormalooEmulator emulator, String... args) {
    return against(emulator, Backfill.NAME, BackfillOptions.class, Backfill::run, args);
  }

  public static Run export(FormalooEmulator emulator, String... args) {
    return against(emulator, Export.NAME, ExportOptions.class, Export::run, args);
  }

  public static Run analytics(FormalooEmulator emulator, String... args) {
    return against(emulator, Analytics.NAME, AnalyticsOptions.class, Analytics::run, args);
  }
}
