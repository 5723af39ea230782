package io.formaloo.beam.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.emulator.cli.CommandLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user's view of an export, printed figures (not a timed test): {@code scripts/export} of
 * customers with its defaults, the process timed whole (JVM start included) on a built tree, beside
 * a sequential next-follower process (a small python3 script, {@code next_follower.py}) timed the
 * same way, against one emulator: {@code customers} customers, {@code latencyMs} per request, pages
 * of 100 (the server's maximum), no rate limit. Both outputs are checked for every customer
 * (distinct codes). From the emulator's request log: how long the script took to its first API
 * request (the target is 3 s; {@code scripts/backfill} is measured too), the read's requests per
 * second and the most requests it had in flight.
 *
 * <p>Run from the repository root (as {@code scripts/bench EndToEnd} does, after building the
 * bundled jar). Arguments: {@code [--customers=50000] [--latencyMs=100] [--serverThreads=64]}
 * ({@code --help} lists them). The emulator runs in this JVM with {@code --serverThreads} handler
 * threads (each answer sleeps its latency in one), more than the connector's 32 connections, so
 * that the stand-in for the service is not what bounds the export.
 */
public final class EndToEnd {
  private static final int PAGE_SIZE = 100;
  private static final double TARGET_RATIO = 5;
  private static final double TARGET_OVERHEAD_SECONDS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EndToEnd() {}

  static final CommandLine COMMAND_LINE =
      new CommandLine("EndToEnd", "scripts/export with its defaults beside a next-follower, timed")
          .option("customers", "customers the emulator holds", 50_000)
          .option("latencyMs", "the emulator's latency per request", 100)
          .option("serverThreads", "the emulator's threads", 64);

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, EndToEnd::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    int customers = options.integer("customers", 50_000);
    int latencyMs = options.integer("latencyMs", 100);
    int serverThreads = options.integer("serverThreads", 64);
    Path root = Paths.get("").toAbsolutePath();
    Path work = root.resolve("benchmarks/target/end-to-end");
    deleteTree(work);
    Files.createDirectories(work);
    String loadBefore = loadAverage();
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(customers)
                .defaultPageSize(PAGE_SIZE)
                .maxPageSize(PAGE_SIZE)
                .threads(serverThreads)
                .faults(
                    Faults.builder().latency(Duration.ofMillis(latencyMs), Duration.ZERO).build())
                .build())) {
      System.out.printf(
          "setup: %,d customers, %d ms latency per request, pages of %d (the server's maximum),"
              + " no rate limit, emulator in this JVM with %d threads; load average before: %s"
              + " (a shared %d-core machine)%n",
          customers,
          latencyMs,
          PAGE_SIZE,
          serverThreads,
          loadBefore,
          Runtime.getRuntime().availableProcessors());

      Path exportDir = work.resolve("export");
      Timed export =
          runScript(
              root, "export", emulator, work, "--outputDir=" + exportDir, "--entities=customers");
      List<RequestLogEntry> exportRequests = emulator.requestLog();
      Outcome exported = distinctCodes(jsonLines(exportDir.resolve("customers")));
      printIndented(export.log);

      Path naiveOut = work.resolve("next-follower.jsonl");
      List<String> naiveCommand =
          List.of(
              "python3",
              root.resolve("benchmarks/src/main/python/next_follower.py").toString(),
              emulator.baseUrl(),
              emulator.business(),
              naiveOut.toString());
      System.out.println("next-follower: " + String.join(" ", naiveCommand));
      emulator.resetRequestLog();
      Timed naive = run(naiveCommand, emulator, work.resolve("next-follower.log"));
      long naiveRequests = emulator.requestLog().size();
      Outcome followed = distinctCodes(List.of(naiveOut));

      Timed backfill = backfill(root, work, emulator);
      List<RequestLogEntry> backfillRequests = emulator.requestLog();

      System.out.println();
      System.out.println("figures:");
      System.out.printf(
          "  scripts/export, defaults: %.1f s whole process (exit %d), %,d lines, %,d distinct"
              + " customers%n",
          export.seconds, export.exitCode, exported.lines, exported.distinct);
      System.out.printf(
          "  next-follower (python3, one page at a time): %.1f s whole process (exit %d), %,d"
              + " requests, %,d lines, %,d distinct customers%n",
          naive.seconds, naive.exitCode, naiveRequests, followed.lines, followed.distinct);
      double ratio = naive.seconds / export.seconds;
      System.out.printf(
          "  ratio: %.1fx (target at least %.0fx: %s)%n",
          ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met");
      double overhead = firstRequestSeconds(export, exportRequests, "");
      System.out.printf(
          "  script overhead to first request: %.1f s (target %.0f s: %s); to the read's first"
              + " page of customers: %.1f s%n",
          overhead,
          TARGET_OVERHEAD_SECONDS,
          overhead <= TARGET_OVERHEAD_SECONDS ? "met" : "NOT met",
          firstRequestSeconds(export, exportRequests, "/customers/"));
      readFigures(export, exportRequests);
      printFirstRequests(export, exportRequests, 12);
      double backfillOverhead = firstRequestSeconds(backfill, backfillRequests, "");
      System.out.printf(
          "  scripts/backfill: script overhead to first request: %.1f s (target %.0f s: %s),"
              + " %.1f s whole process (exit %d)%n",
          backfillOverhead,
          TARGET_OVERHEAD_SECONDS,
          backfillOverhead <= TARGET_OVERHEAD_SECONDS ? "met" : "NOT met",
          backfill.seconds,
          backfill.exitCode);
      System.out.printf("  load average after: %s%n", loadAverage());

      boolean complete =
          exported.distinct == customers
              && followed.distinct == customers
              && export.exitCode == 0
              && naive.exitCode == 0
              && backfill.exitCode == 0;
      if (!complete) {
        System.out.println("INCOMPLETE: an output misses customers, or a process failed");
        System.exit(1);
      }
      boolean met =
          ratio >= TARGET_RATIO
              && overhead <= TARGET_OVERHEAD_SECONDS
              && backfillOverhead <= TARGET_OVERHEAD_SECONDS;
      System.out.println(met ? "every target met" : "some targets NOT met");
    }
  }

  /** A small backfill (a few customers), for its time to the first request only. */
  private static Timed backfill(Path root, Path work, FormalooEmulator emulator)
      throws IOException, InterruptedException {
    Path input = work.resolve("backfill-customers.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(
          "{\"email\": \"end-to-end-"
              + i
              + "@example.org\", \"full_name\": \"Backfill "
              + i
              + "\"}");
    }
    Files.write(input, lines, StandardCharsets.UTF_8);
    Timed backfill =
        runScript(
            root,
            "backfill",
            emulator,
            work,
            "--customersInput=" + input,
            "--deadLetterDir=" + work.resolve("backfill-dead-letters"));
    if (backfill.exitCode != 0) {
      printIndented(backfill.log);
    }
    return backfill;
  }

  /**
   * Runs {@code scripts/<script>} against the emulator with {@code args}, its output into {@code
   * <script>.log}, the emulator's request log emptied first so that it holds this run's requests.
   */
  private static Timed runScript(
      Path root, String script, FormalooEmulator emulator, Path work, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("scripts").resolve(script).toString());
    command.add("--formalooBaseUrl=" + emulator.baseUrl());
    command.add("--formalooBusiness=" + emulator.business());
    command.addAll(List.of(args));
    System.out.println(script + ": " + String.join(" ", command));
    emulator.resetRequestLog();
    return run(command, emulator, work.resolve(script + ".log"));
  }

  /** Runs {@code command} as a process of its own, timed whole, its output into {@code log}. */
  private static Timed run(List<String> command, FormalooEmulator emulator, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // The job runs with its defaults, not with the flags this benchmark's JVM was given.
    env.remove("JAVA_OPTS");
    env.put("FORMALOO_API_KEY", emulator.apiKey());
    env.put("FORMALOO_API_SECRET", emulator.apiSecret());
    Instant invoked = Instant.now();
    long start = System.nanoTime();
    Process process = builder.start();
    int exitCode = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Timed(invoked, seconds, exitCode, Files.readAllLines(log, StandardCharsets.UTF_8));
  }

  /** Seconds from the invocation to the first logged request whose path contains {@code path}. */
  private static double firstRequestSeconds(
      Timed run, List<RequestLogEntry> requests, String path) {
    return requests.stream()
        .filter(e -> e.path().contains(path))
        .map(RequestLogEntry::at)
        .min(Comparator.naturalOrder())
        .map(at -> Duration.between(run.invoked, at).toNanos() / 1e9)
        .orElse(Double.NaN);
  }

  /** The read's pace, from the emulator's log: requests per second and the most in flight. */
  private static void readFigures(Timed export, List<RequestLogEntry> requests) {
    List<RequestLogEntry> pages =
        requests.stream()
            .filter(e -> e.path().contains("/customers/"))
            .sorted(Comparator.comparing(RequestLogEntry::at))
            .collect(Collectors.toList());
    if (pages.isEmpty()) {
      return;
    }
    Instant first = pages.get(0).at();
    Instant lastEnd =
        pages.stream().map(e -> e.at().plus(e.duration())).max(Comparator.naturalOrder()).get();
    double readSeconds = Duration.between(first, lastEnd).toNanos() / 1e9;
    Map<Long, Integer> perSecond = new TreeMap<>();
    List<long[]> events = new ArrayList<>();
    for (RequestLogEntry e : pages) {
      long from = Duration.between(first, e.at()).toNanos();
      perSecond.merge(from / 1_000_000_000L, 1, Integer::sum);
      events.add(new long[] {from, 1});
      events.add(new long[] {from + e.duration().toNanos(), -1});
    }
    events.sort(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
    int inFlight = 0;
    int most = 0;
    for (long[] event : events) {
      inFlight += (int) event[1];
      most = Math.max(most, inFlight);
    }
    int peak = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    System.out.printf(
        "  the export's read: %,d page requests in %.1f s = %.0f/s (the best second %d), at most"
            + " %d in flight; %,d requests in all (token and preflight included)%n",
        pages.size(), readSeconds, pages.size() / readSeconds, peak, most, requests.size());
    System.out.printf(
        "  page requests per second of the read: %s%n",
        perSecond.values().stream().map(String::valueOf).collect(Collectors.joining(" ")));
    double tail = export.seconds - Duration.between(export.invoked, lastEnd).toNanos() / 1e9;
    System.out.printf("  from the last answer to the end of the process: %.1f s%n", tail);
  }

  /** The export's first requests, in seconds since the invocation: where its start goes. */
  private static void printFirstRequests(Timed run, List<RequestLogEntry> requests, int count) {
    System.out.println("  the export's first requests (seconds since invocation, path, ms):");
    requests.stream()
        .sorted(Comparator.comparing(RequestLogEntry::at))
        .limit(count)
        .forEach(
            e ->
                System.out.printf(
                    "    %5.2f %s %d%n",
                    Duration.between(run.invoked, e.at()).toNanos() / 1e9,
                    e.path(),
                    e.duration().toMillis()));
  }

  private static List<Path> jsonLines(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jsonl"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static Outcome distinctCodes(List<Path> files) throws IOException {
    Set<String> codes = new HashSet<>();
    long lines = 0;
    for (Path file : files) {
      if (!Files.exists(file)) {
        continue;
      }
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          lines++;
          JsonNode code = JSON.readTree(line).get("code");
          if (code != null) {
            codes.add(code.asText());
          }
        }
      }
    }
    return new Outcome(lines, codes.size());
  }

  private static void printIndented(List<String> lines) {
    for (String line : lines) {
      System.out.println("    | " + line);
    }
  }

  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Paths.get("/proc/loadavg"), StandardCharsets.UTF_8).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static final class Timed {
    final Instant invoked;
    final double seconds;
    final int exitCode;
    final List<String> log;

    Timed(Instant invoked, double seconds, int exitCode, List<String> log) {
      this.invoked = invoked;
      this.seconds = seconds;
      this.exitCode = exitCode;
      this.log = log;
    }
  }

  private static final class Outcome {
    final long lines;
    final int distinct;

    Outcome(long lines, int distinct) {
      this.lines = lines;
      this.distinct = distinct;
    }
  }
}
