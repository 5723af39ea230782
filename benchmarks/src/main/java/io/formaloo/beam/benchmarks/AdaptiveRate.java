package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.emulator.cli.CommandLine;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.model.Customer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Count;

/**
 * The adaptive rate benchmark of the defaults issue, printed figures (not a timed test): the
 * emulator refuses with 429 every request beyond R in each second, and the connector is not told R
 * ({@link RateLimit#adaptive()}, its default). For each R, a read of customers ({@code
 * readCustomers()}) and a per-record write of customers ({@code writeCustomers()} without bulk
 * import), each on the Direct runner, sized to last about {@code seconds} at R.
 *
 * <p>Printed per run: the requests the API answered (not 429) per second, from the first request to
 * the last as the emulator logged them, as a share of R, and the share of requests answered 429.
 * Targets: at least 90% of R for reads, 85% for writes, at most 3% 429s. The figure includes the
 * ramp from the safe starting rate: nothing is left out.
 *
 * <p>{@code scripts/bench AdaptiveRate} runs it; options ({@code --help} lists them):
 *
 * <pre>
 *   --rates=20,200 (each R, requests/s)  --seconds=30  --latencyMs=10  --writeConcurrency=16
 * </pre>
 *
 * {@code --writeConcurrency}: the write's requests in flight ({@code withMaxConcurrentRequests},
 * the default 16), on the default shards. Pages are of 10 records, so that a read of 30 s at 200
 * requests/s needs no more than 60,000 customers.
 */
public final class AdaptiveRate {
  private static final int PAGE_SIZE = 10;

  private AdaptiveRate() {}

  static final CommandLine COMMAND_LINE =
      new CommandLine(
              "AdaptiveRate", "reads and writes under an API limit R the connector is not told")
          .option("rates", "each limit R to run at, requests per second, comma-separated", "20,200")
          .option("seconds", "about how long each run lasts at R", 30)
          .option("latencyMs", "the emulator's latency per request", 10)
          .option("writeConcurrency", "the write's requests in flight", 16);

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, AdaptiveRate::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    double[] rates = options.read("rates", new double[] {20, 200}, AdaptiveRate::rates);
    int seconds = options.integer("seconds", 30);
    int latencyMs = options.integer("latencyMs", 10);
    int concurrency = options.integer("writeConcurrency", 16);
    System.out.printf(
        "setup: emulator limit R per second (429 with Retry-After beyond it), %d ms latency,"
            + " runs of about %d s at R, pages of %d, writes with %d requests in flight,"
            + " Direct runner%n",
        latencyMs, seconds, PAGE_SIZE, concurrency);
    StringBuilder summary = new StringBuilder();
    for (double rate : rates) {
      summary.append(read(rate, seconds, latencyMs)).append('\n');
      summary.append(write(rate, seconds, latencyMs, concurrency)).append('\n');
    }
    System.out.print("\nfigures:\n" + summary);
  }

  /** {@code --rates}, read before anything starts, so that a wrong one is a usage error. */
  private static double[] rates(String value) {
    String[] parts = value.split(",");
    double[] rates = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      rates[i] = Double.parseDouble(parts[i].trim());
      if (!(rates[i] > 0)) {
        throw new IllegalArgumentException("--rates are requests per second above 0, got " + value);
      }
    }
    return rates;
  }

  private static String read(double rate, int seconds, int latencyMs) {
    int customers = (int) (rate * seconds * PAGE_SIZE);
    try (FormalooEmulator emulator = emulator(customers, latencyMs, rate)) {
      Pipeline p = BenchPipelines.direct(16);
      p.apply(FormalooIO.readCustomers().withConfig(config(emulator)).withPageSize(PAGE_SIZE))
          .apply(Count.globally());
      p.run().waitUntilFinish();
      return figures("read", rate, emulator, 0.90);
    }
  }

  private static String write(double rate, int seconds, int latencyMs, int concurrency)
      throws Exception {
    int customers = (int) (rate * seconds);
    try (FormalooEmulator emulator = emulator(0, latencyMs, rate)) {
      // A thread per shard's batch is enough: the records go to the write's pool.
      Pipeline p = BenchPipelines.direct(8);
      BenchPipelines.customers(
              p,
              customers,
              i ->
                  Customer.builder()
                      .setEmail("adaptive" + i + "@example.com")
                      .setFullName("Adaptive " + i)
                      .build())
          .apply(
              "Write",
              FormalooIO.writeCustomers()
                  .withConfig(config(emulator))
                  .withMaxConcurrentRequests(concurrency)
                  .withoutBulkImport());
      p.run().waitUntilFinish();
      if (emulator.customerCount() != customers) {
        throw new IllegalStateException(
            "wrote " + emulator.customerCount() + " of " + customers + " customers");
      }
      return figures("per-record write", rate, emulator, 0.85);
    }
  }

  private static String figures(
      String what, double rate, FormalooEmulator emulator, double target) {
    List<RequestLogEntry> log = emulator.requestLog();
    long answered = log.stream().filter(e -> e.status() != 429).count();
    long refused = log.size() - answered;
    double seconds =
        Duration.between(log.get(0).at(), log.get(log.size() - 1).at()).toMillis() / 1000.0;
    double share = answered / seconds / rate;
    double refusedShare = (double) refused / log.size();
    String line =
        String.format(
            Locale.ROOT,
            "  R=%.0f %s: %,d requests in %.1f s, %.1f answered/s = %.1f%% of R (target %.0f%%:"
                + " %s), %,d answered 429 = %.2f%% (target at most 3%%: %s)",
            rate,
            what,
            log.size(),
            seconds,
            answered / seconds,
            100 * share,
            100 * target,
            share >= target ? "met" : "NOT met",
            refused,
            100 * refusedShare,
            refusedShare <= 0.03 ? "met" : "NOT met");
    System.out.println(line);
    System.out.println("    answered (429) in each second: " + perSecond(log));
    return line;
  }

  /** What the emulator answered in each second of the run, and how many of those were 429s. */
  private static String perSecond(List<RequestLogEntry> log) {
    java.time.Instant start = log.get(0).at();
    java.util.TreeMap<Long, long[]> seconds = new java.util.TreeMap<>();
    for (RequestLogEntry e : log) {
      long[] counts =
          seconds.computeIfAbsent(
              Duration.between(start, e.at()).toMillis() / 1000, s -> new long[2]);
      counts[e.status() == 429 ? 1 : 0]++;
    }
    StringBuilder out = new StringBuilder();
    for (long[] counts : seconds.values()) {
      out.append(counts[0]);
      if (counts[1] > 0) {
        out.append('(').append(counts[1]).append(')');
      }
      out.append(' ');
    }
    return out.toString().trim();
  }

  private static FormalooEmulator emulator(int customers, int latencyMs, double rate) {
    return FormalooEmulator.start(
        EmulatorConfig.builder()
            .seedCustomers(customers)
            .maxPageSize(PAGE_SIZE)
            .threads(64)
            .requestLogCapacity(1_000_000)
            .faults(
                Faults.builder()
                    .latency(Duration.ofMillis(latencyMs), Duration.ZERO)
                    .rateLimit(rate, Faults.RetryAfterMode.SECONDS)
                    .build())
            .build());
  }

  private static FormalooConfig config(FormalooEmulator emulator) {
    return FormalooConfig.builder()
        .baseUrl(emulator.baseUrl())
        .business(emulator.business())
        .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
        .rateLimit(RateLimit.adaptive()) // the default, said out loud: R is not given
        .build();
  }
}
