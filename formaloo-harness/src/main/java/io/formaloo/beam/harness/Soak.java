package io.formaloo.beam.harness;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.backfill.BackfillOptions;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.Elapsed;
import io.formaloo.beam.pipelines.cli.FormalooOptions;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.cli.PipelineFailedException;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.export.ExportOptions;
import io.formaloo.beam.pipelines.metrics.Counters;
import io.formaloo.beam.pipelines.records.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The soak: a backfill, then an export, through an emulator that misbehaves as a busy API does, and
 * a check that nothing was lost or duplicated on the way.
 *
 * <ol>
 *   <li>generates customers (JSON Lines) and activities (CSV), some of each repeated ({@link
 *       SoakInput});
 *   <li>starts the emulator on loopback with the faults of {@link #faults()}: 5xx answers,
 *       connections dropped before and after the write was committed, a rate limit answered with
 *       429, tokens that expire, latency with jitter;
 *   <li>runs {@link Backfill} and then {@link Export} against it, as their command lines would;
 *   <li>checks that the emulator holds exactly the input's distinct records, that the dead letters
 *       are empty and that the export equals the input ({@link SoakChecks});
 *   <li>prints the figures: records, requests, retries, 429s, durations.
 * </ol>
 *
 * <p>It is bounded: past {@code --timeLimitMinutes} or {@code --maxRequests} (the emulator's count)
 * it stops, says which, and fails. Options: {@code --customers} (100,000), {@code --activities}
 * (200,000), {@code --workDir} ({@code target/soak}), {@code --timeLimitMinutes} (45), {@code
 * --maxRequests} (1.5 requests per record, plus 10,000; a soak needs about 0.75), {@code --seed}
 * (7).
 */
public final class Soak {
  static final String NAME = "soak";

  /**
   * The request budget the pipelines get. Backfill splits it between its two writes: the
   * activities' half is above the emulator's limit, so that it answers 429.
   */
  static final int CLIENT_REQUESTS_PER_SECOND = 2_400;

  /**
   * The emulator's rate limit, requests per second over all clients: below what the backfill sends
   * on a 2-core machine (500 to 800 a second), so that 429s come however fast the machine is.
   */
  static final int EMULATOR_REQUESTS_PER_SECOND = 400;

  /**
   * Requests in flight per write: a record waiting out a backoff holds one, the others go on. As
   * many as the 32 one-request lanes the soak once ran, so that it keeps its pace.
   */
  static final int CONCURRENT_REQUESTS = 32;

  /** Write shards: a few, so that batches of several are written at once. */
  static final int SHARDS = 8;

  /**
   * The Direct runner's threads: a bundle of a shard's batch holds one while its records are
   * written, so with fewer than the shards, batches wait for a thread (the runner's default is the
   * cores, 2 or 3).
   */
  static final int DIRECT_THREADS = 2 * SHARDS;

  /**
   * Tries per request. At 5% 5xx, 1% drops and some 429s, an attempt fails about 7 times in 100: at
   * the default 6 tries, one request in a few million would exhaust them, and a soak sends hundreds
   * of thousands. Such a record would land in the dead letters, retryable (a replay writes it), but
   * the soak requires them empty; 10 tries put it out of reach.
   */
  static final int MAX_ATTEMPTS = 10;

  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(30);

  private Soak() {}

  /**
   * What to soak and its bounds.
   *
   * @param customers distinct customers in the input
   * @param activities distinct activities in the input
   * @param workDir where the input, dead letters and export go
   * @param timeLimit the longest the soak may run
   * @param maxRequests the most requests the emulator may receive
   * @param seed of the generated input
   */
  record Settings(
      int customers,
      int activities,
      Path workDir,
      Duration timeLimit,
      long maxRequests,
      long seed) {

    /**
     * The settings of {@code args}, parsed as every pipeline's command line is ({@link Cli#parse}:
     * {@code --name=value}, unknown options refused).
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    static Settings parse(String[] args) {
      SoakOptions options = Cli.parse(args, SoakOptions.class);
      int customers =
          atLeast("--customers", Objects.requireNonNullElse(options.getCustomers(), 100_000), 1);
      int activities =
          atLeast("--activities", Objects.requireNonNullElse(options.getActivities(), 200_000), 0);
      Long maxRequests = options.getMaxRequests();
      return new Settings(
          customers,
          activities,
          Paths.get(Objects.requireNonNullElse(options.getWorkDir(), "target/soak"))
              .toAbsolutePath(),
          Duration.ofMinutes(atLeast("--timeLimitMinutes", options.getTimeLimitMinutes(), 1)),
          maxRequests != null
              ? atLeast("--maxRequests", maxRequests, 1)
              : 3L * (customers + activities) / 2 + 10_000,
          options.getSeed());
    }

    private static <N extends Number> N atLeast(String option, N value, long min) {
      if (value.longValue() < min) {
        throw new InvalidOptionException(
            option + " must be a whole number of at least " + min + ", got " + value);
      }
      return value;
    }
  }

  /**
   * How a soak ended.
   *
   * @param checks every check's line, {@code ok} or {@code FAILED}
   * @param failures the lines of the checks that failed; none if it passed
   * @param requests requests the emulator received
   * @param statuses the emulator's answers by status; 0 for connections dropped before the work
   * @param droppedAfterWork connections the emulator dropped after it had done the work
   * @param duration from the start to the last check
   */
  record Report(
      List<String> checks,
      List<String> failures,
      long requests,
      Map<Integer, Long> statuses,
      long droppedAfterWork,
      Duration duration) {
    boolean passed() {
      return failures.isEmpty();
    }
  }

  /** The faults the soak runs under. */
  static Faults faults() {
    return Faults.builder()
        .errorRate(0.05)
        .dropRate(0.005)
        .dropAfterCommitRate(0.005)
        .rateLimit(EMULATOR_REQUESTS_PER_SECOND, Faults.RetryAfterMode.SECONDS)
        .latency(Duration.ofMillis(1), Duration.ofMillis(9))
        .build();
  }

  /**
   * Runs the soak from the command line: exits 0 if every check passed, 1 if one failed or a bound
   * was exceeded, 2 for wrong options.
   */
  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(
          "soak: backfill then export through a faulty emulator, and check nothing was lost.");
      PipelineOptionsFactory.printHelp(System.out, SoakOptions.class);
      System.exit(Cli.OK);
    }
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(NAME + ": " + e.getMessage());
      System.err.println(NAME + ": nothing was started. --help lists the options.");
      System.exit(Cli.USAGE);
      return;
    }
    Terminal terminal = Terminal.system();
    Report report;
    try {
      report =
          run(
              settings,
              terminal,
              reason -> {
                // Nothing can stop the running pipeline from outside it: the process ends.
                terminal.err().println(NAME + ": FAILED: " + reason);
                terminal.err().flush();
                Runtime.getRuntime().halt(Cli.FAILED);
              });
    } catch (PipelineFailedException e) {
      terminal.err().println(NAME + ": FAILED: " + e.getMessage());
      System.exit(Cli.FAILED);
      return;
    }
    System.exit(report.passed() ? Cli.OK : Cli.FAILED);
  }

  /**
   * Runs the soak and prints its figures and checks on {@code terminal}.
   *
   * @param onBreach called once, with the reason, if the soak exceeds its time limit or request
   *     ceiling while it runs
   * @throws PipelineFailedException if the backfill or the export failed
   */
  static Report run(Settings settings, Terminal terminal, Consumer<String> onBreach) {
    long start = System.nanoTime();
    Path work = settings.workDir();
    terminal
        .out()
        .printf(
            "%s: %,d customers and %,d activities (seed %d) in %s%n",
            NAME, settings.customers(), settings.activities(), settings.seed(), work);
    SoakInput.Generated input;
    try {
      input =
          SoakInput.write(
              work.resolve("input"), settings.customers(), settings.activities(), settings.seed());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the soak's input under " + work, e);
    }
    terminal
        .out()
        .printf(
            "%s: input %,d customer lines and %,d activity lines, duplicates included%n"
                + "%s: faults %s, tokens live %d s%n"
                + "%s: bounds %s, %,d requests%n",
            NAME,
            input.customerLines(),
            input.activityLines(),
            NAME,
            faults(),
            TOKEN_LIFETIME.toSeconds(),
            NAME,
            Elapsed.format(settings.timeLimit()),
            settings.maxRequests());

    EmulatorConfig config =
        EmulatorConfig.builder()
            .tokenLifetime(TOKEN_LIFETIME)
            // The backfill's two writes, each with its requests in flight.
            .threads(2 * CONCURRENT_REQUESTS)
            // Every request stays in the log, to count the dropped ones; the ceiling bounds it.
            .requestLogCapacity((int) Math.min(Integer.MAX_VALUE, settings.maxRequests() + 1_000))
            .faults(faults())
            .build();
    try (FormalooEmulator emulator = FormalooEmulator.start(config);
        SoakGuard guard = new SoakGuard(emulator, settings, start, onBreach)) {
      Terminal withCredentials = terminal.withCredentials(emulator.apiKey(), emulator.apiSecret());
      Path deadLetters = work.resolve("dead-letters");
      Path export = work.resolve("export");

      EmulatorSnapshot before = EmulatorSnapshot.of(emulator);
      terminal.out().printf("%n%s: 1/2 backfill%n", NAME);
      BackfillOptions backfillOptions = options(emulator, BackfillOptions.class);
      backfillOptions.setMaxParallelRequests(SHARDS);
      backfillOptions.setMaxConcurrentRequests(CONCURRENT_REQUESTS);
      backfillOptions.as(DirectOptions.class).setTargetParallelism(DIRECT_THREADS);
      backfillOptions.setCustomersInput(input.customersFile().toString());
      backfillOptions.setActivitiesInput(input.activitiesFile().toString());
      backfillOptions.setDeadLetterDir(deadLetters.toString());
      RunOutcome backfill = Backfill.run(backfillOptions, withCredentials);
      EmulatorSnapshot afterBackfill = EmulatorSnapshot.of(emulator);

      terminal.out().printf("%n%s: 2/2 export%n", NAME);
      ExportOptions exportOptions = options(emulator, ExportOptions.class);
      exportOptions.setOutputDir(export.toString());
      exportOptions.setEntities("customers,activities");
      RunOutcome exported = Export.run(exportOptions, withCredentials);
      EmulatorSnapshot afterExport = EmulatorSnapshot.of(emulator);

      SoakChecks checks = new SoakChecks();
      checks.emulatorHolds(emulator, input);
      checks.backfillWroteEverything(backfill, input, deadLetters);
      checks.exportEqualsInput(export, input);
      guard.close();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      terminal.out().printf("%n%s figures%n", NAME);
      printPhase(
          terminal,
          "backfill",
          backfill,
          backfill.counters().pipeline(Entity.CUSTOMERS.folder() + "_written"),
          backfill.counters().pipeline(Entity.ACTIVITIES.folder() + "_written"),
          "written",
          afterBackfill.minus(before));
      printPhase(
          terminal,
          "export",
          exported,
          exported.counters().pipeline(Entity.CUSTOMERS.folder() + "_exported"),
          exported.counters().pipeline(Entity.ACTIVITIES.folder() + "_exported"),
          "exported",
          afterExport.minus(afterBackfill));
      EmulatorSnapshot all = afterExport.minus(before);
      terminal
          .out()
          .printf(
              "  soak: %s in all, %,d requests (ceiling %,d)%n",
              Elapsed.format(took), all.requests, settings.maxRequests());
      terminal.out().printf("%n%s checks%n", NAME);
      for (String line : checks.lines()) {
        terminal.out().println("  " + line);
      }
      boolean passed = checks.failures().isEmpty();
      terminal
          .out()
          .printf(
              "%n%s: %s in %s%n",
              NAME,
              passed
                  ? "passed"
                  : "FAILED (" + checks.failures().size() + " of " + checks.lines().size() + ")",
              Elapsed.format(took));
      terminal.out().flush();
      return new Report(
          checks.lines(),
          checks.failures(),
          all.requests,
          Map.copyOf(all.statuses),
          all.droppedAfterWork,
          took);
    }
  }

  private static void printPhase(
      Terminal terminal,
      String name,
      RunOutcome outcome,
      long customers,
      long activities,
      String verb,
      EmulatorSnapshot emulator) {
    Counters c = outcome.counters();
    terminal
        .out()
        .printf(
            "  %s: %s, %,d records %s (%,d customers, %,d activities)%n"
                + "    connector: %,d requests, %,d retries, %,d 429 answers, throttled %.1f s%n"
                + "    emulator: %,d requests: %s; %,d dropped (%,d after the work was done);"
                + " %,d tokens issued%n",
            name,
            Elapsed.format(outcome.duration()),
            customers + activities,
            verb,
            customers,
            activities,
            c.formaloo(FormalooMetrics.REQUESTS),
            c.formaloo(FormalooMetrics.RETRIES),
            c.formaloo(FormalooMetrics.RATE_LIMITED),
            c.throttledMillis() / 1000.0,
            emulator.requests,
            emulator.statusLine(),
            emulator.dropped,
            emulator.droppedAfterWork,
            emulator.tokenRequests);
  }

  /** A pipeline's options against {@code emulator}, with the soak's client settings. */
  private static <T extends FormalooOptions> T options(FormalooEmulator emulator, Class<T> type) {
    // Parsed from nothing, as a command line with no option is: the defaults, prepared as the
    // pipelines' command line prepares them (Cli.parse).
    T options = Cli.parse(new String[0], type);
    options.setFormalooBaseUrl(emulator.baseUrl());
    options.setFormalooBusiness(emulator.business());
    options.setMaxRequestsPerSecond((double) CLIENT_REQUESTS_PER_SECOND);
    options.setFormalooMaxAttempts(MAX_ATTEMPTS);
    options.setProgressIntervalSeconds(10);
    return options;
  }
}
