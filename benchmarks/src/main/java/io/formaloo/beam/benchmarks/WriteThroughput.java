package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.cli.CommandLine;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.WrittenRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * Writes customers to an emulator that answers every request after a fixed latency, under one
 * request budget ({@code withMaxRequestsPerSecond}), once record by record and once with bulk
 * import jobs, and prints records/s, the requests each used, and the ratios: bulk over
 * per-record throughput (target at least 20), and the share of the budget the per-record writes
 * used (target at least 0.9 without faults, 0.8 under them), every record written exactly once.
 *
 * <p>{@code --faults} adds the emulator's faults, e.g. {@code
 * errors=0.05,drops-after-commit=0.03,token-seconds=4}: 500/502/503 answers without the work,
 * connections dropped after the work was committed, tokens that live that many seconds. Every run
 * checks that the emulator holds each customer once and that each was reported written once, and
 * fails if not.
 *
 * <p>A plain {@code main}, not a JMH benchmark: one measurement takes minutes (100,000 requests at
 * a few hundred a second), where JMH wants many short iterations. {@code scripts/bench
 * WriteThroughput} runs it; options:
 *
 * <pre>
 *   --customers=100000  --latencyMs=50  --budget=100  --shards=8  --batch=1000
 *   --concurrency=16 (the write's requests in flight)  --faults=none
 *   --modes=per-record,bulk  --directThreads=16  --results=benchmarks/target/write-throughput.json
 * </pre>
 */
public final class WriteThroughput {
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> EMAILS = new ConcurrentHashMap<>();

  private WriteThroughput() {}

  /** One run's figures. */
  static final class Figures {
    String mode;
    long records;
    long written;
    long failed;
    double seconds;
    long requests;
    Map<String, Long> byEndpoint = new LinkedHashMap<>();

    double recordsPerSecond() {
      return written / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  static final CommandLine COMMAND_LINE =
      new CommandLine(
              "WriteThroughput", "per-record writes and bulk import against the emulator, timed")
          .option("customers", "customers to write", 100_000)
          .option("latencyMs", "the emulator's latency per request", 50)
          .option("budget", "the write's ceiling, requests per second", 100)
          .option("shards", "the write's shards", 8)
          .option("batch", "records per batch", 1000)
          .option("concurrency", "the write's requests in flight", 16)
          .option("faults", "none, or the soak's: 5xx, drops after commit, 4 s tokens", "none")
          .option("directThreads", "the Direct runner's threads (default: 2 per shard)", null)
          .option("modes", "per-record, bulk, or both", "per-record,bulk")
          .option(
              "results", "where the figures go as JSON", "benchmarks/target/write-throughput.json");

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, WriteThroughput::run);
  }

  private static void run(CommandLine.Parsed opts) throws Exception {
    int customers = opts.integer("customers", 100_000);
    int latencyMs = opts.integer("latencyMs", 50);
    double budget = opts.decimal("budget", 100);
    int shards = opts.integer("shards", 8);
    int batch = opts.integer("batch", 1000);
    int concurrency = opts.integer("concurrency", 16);
    String faultsName = opts.string("faults", "none");
    Faults faults = faults(faultsName, latencyMs);
    Duration tokenLifetime = tokenLifetime(faultsName);
    // The Direct runner's threads: each bundle of batches holds one until its writes are done; the
    // records themselves go to the write's pool, so one per shard, and some spare, is plenty.
    int directThreads = opts.integer("directThreads", 2 * shards);
    String[] modes = opts.string("modes", "per-record,bulk").split(",");
    Path results = Path.of(opts.string("results", "benchmarks/target/write-throughput.json"));

    System.out.printf(
        Locale.ROOT,
        "writing %,d customers: emulator latency %d ms, budget %.0f requests/s, %d shards,"
            + " %d requests in flight, batches of %d, faults %s, tokens of %s%n",
        customers,
        latencyMs,
        budget,
        shards,
        concurrency,
        batch,
        faultsName,
        tokenLifetime);
    Map<String, Figures> figures = new LinkedHashMap<>();
    for (String mode : modes) {
      Figures f =
          run(
              mode.trim(),
              customers,
              faults,
              tokenLifetime,
              budget,
              shards,
              concurrency,
              batch,
              directThreads);
      figures.put(f.mode, f);
      System.out.printf(
          Locale.ROOT,
          "  %-10s %,d written, %,d failed in %.1f s = %,.0f records/s; %,d requests"
              + " (%,.1f requests/s) %s%n",
          f.mode,
          f.written,
          f.failed,
          f.seconds,
          f.recordsPerSecond(),
          f.requests,
          f.requestsPerSecond(),
          f.byEndpoint);
    }
    String json =
        json(customers, latencyMs, budget, shards, concurrency, batch, faultsName, figures);
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.write(results, json.getBytes(StandardCharsets.UTF_8));
    System.out.println("results: " + results);
  }

  /** The emulator's faults of {@code --faults}, with the benchmark's fixed latency. */
  static Faults faults(String spec, int latencyMs) {
    Faults.Builder faults = Faults.builder().latency(Duration.ofMillis(latencyMs), Duration.ZERO);
    for (Map.Entry<String, String> e : faultSpec(spec).entrySet()) {
      switch (e.getKey()) {
        case "errors":
          faults.errorRate(Double.parseDouble(e.getValue()));
          break;
        case "drops-after-commit":
          faults.dropAfterCommitRate(Double.parseDouble(e.getValue()));
          break;
        case "drops":
          faults.dropRate(Double.parseDouble(e.getValue()));
          break;
        case "token-seconds":
          break; // the emulator's config, not a fault: see tokenLifetime
        default:
          throw new IllegalArgumentException(
              "--faults knows errors, drops, drops-after-commit and token-seconds, got "
                  + e.getKey());
      }
    }
    return faults.build();
  }

  /** How long the emulator's tokens live: {@code token-seconds} of {@code --faults}, else 30 s. */
  static Duration tokenLifetime(String spec) {
    String seconds = faultSpec(spec).get("token-seconds");
    return seconds == null ? Duration.ofSeconds(30) : Duration.ofSeconds(Long.parseLong(seconds));
  }

  private static Map<String, String> faultSpec(String spec) {
    Map<String, String> parts = new LinkedHashMap<>();
    if (spec.equals("none")) {
      return parts;
    }
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--faults takes name=value pairs, got " + part);
      }
      parts.put(kv[0].trim(), kv[1].trim());
    }
    return parts;
  }

  private static Figures run(
      String mode,
      int customers,
      Faults faults,
      Duration tokenLifetime,
      double budget,
      int shards,
      int concurrency,
      int batch,
      int directThreads)
      throws NoSuchSchemaException {
    if (!mode.equals("per-record") && !mode.equals("bulk")) {
      throw new IllegalArgumentException("mode must be per-record or bulk, got " + mode);
    }
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .threads(Math.max(16, 2 * concurrency))
                .tokenLifetime(tokenLifetime)
                .faults(faults)
                .build())) {
      FormalooConfig config =
          FormalooConfig.builder()
              .baseUrl(emulator.baseUrl())
              .business(emulator.business())
              .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
              .rateLimit(RateLimit.unlimited()) // the write's budget replaces it
              .build();
      FormalooIO.Write<Customer> write =
          FormalooIO.writeCustomers()
              .withConfig(config)
              .withMaxRequestsPerSecond(budget)
              .withShards(shards)
              .withMaxConcurrentRequests(concurrency)
              .withBatchSize(batch);
      write = mode.equals("bulk") ? write.withBulkImport() : write.withoutBulkImport();

      Pipeline p = BenchPipelines.direct(directThreads);
      String key = mode + "-" + System.nanoTime();
      FormalooIO.Write.Result result =
          BenchPipelines.customers(
                  p,
                  customers,
                  i ->
                      Customer.builder()
                          .setEmail("bench" + i + "@example.com")
                          .setFullName("Bench Customer " + i)
                          .setScore((int) (i % 100))
                          .build())
              .apply("Write", write);
      result.getWritten().apply("Count written", ParDo.of(new CountWrittenFn(key + "/written")));
      result.getFailed().apply("Count failed", ParDo.of(new CountFn<>(key + "/failed")));

      long started = System.nanoTime();
      ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
      long[] last = {0, started};
      progress.scheduleAtFixedRate(
          () -> {
            long now = System.nanoTime();
            long requests = emulator.requestCount();
            System.out.printf(
                Locale.ROOT,
                "    %s: %,.0f s, %,d requests, %,.1f requests/s lately%n",
                mode,
                (now - started) / 1e9,
                requests,
                (requests - last[0]) / ((now - last[1]) / 1e9));
            last[0] = requests;
            last[1] = now;
          },
          30,
          30,
          TimeUnit.SECONDS);
      try {
        p.run().waitUntilFinish();
      } finally {
        progress.shutdownNow();
      }
      Figures f = new Figures();
      f.seconds = (System.nanoTime() - started) / 1e9;
      f.mode = mode;
      f.records = customers;
      f.written = count(key + "/written");
      f.failed = count(key + "/failed");
      for (Map.Entry<String, Long> e : emulator.endpointCounts().entrySet()) {
        f.byEndpoint.put(e.getKey(), e.getValue());
        f.requests += e.getValue();
      }
      // Every record written exactly once: the API holds each customer once, and each input
      // record was reported once, written.
      long distinct = EMAILS.getOrDefault(key + "/written", Set.of()).size();
      if (emulator.customerCount() != customers
          || f.written != customers
          || distinct != customers
          || f.failed != 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "not exactly once: the emulator holds %,d customers of %,d; the write reported"
                    + " %,d written (%,d distinct) and %,d failed",
                emulator.customerCount(),
                customers,
                f.written,
                distinct,
                f.failed));
      }
      return f;
    }
  }

  /** Counts a PCollection's elements into this JVM (the Direct runner runs in it). */
  private static final class CountFn<T> extends DoFn<T, Void> {
    private final String key;

    CountFn(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process() {
      COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** Counts the records written, and which customers they were, into this JVM. */
  private static final class CountWrittenFn extends DoFn<WrittenRecord, Void> {
    private final String key;

    CountWrittenFn(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element WrittenRecord written) {
      COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      EMAILS.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(written.getEmail());
    }
  }

  private static long count(String key) {
    AtomicLong c = COUNTS.get(key);
    return c == null ? 0 : c.get();
  }

  private static String json(
      int customers,
      int latencyMs,
      double budget,
      int shards,
      int concurrency,
      int batch,
      String faults,
      Map<String, Figures> figures) {
    StringBuilder j = new StringBuilder();
    j.append(
        String.format(
            Locale.ROOT,
            "{\"customers\": %d, \"latencyMs\": %d, \"budget\": %.3f, \"shards\": %d,"
                + " \"concurrency\": %d, \"batch\": %d, \"faults\": \"%s\", \"runs\": {",
            customers,
            latencyMs,
            budget,
            shards,
            concurrency,
            batch,
            faults));
    String sep = "";
    for (Figures f : figures.values()) {
      j.append(sep)
          .append(
              String.format(
                  Locale.ROOT,
                  "\"%s\": {\"written\": %d, \"failed\": %d, \"seconds\": %.3f,"
                      + " \"recordsPerSecond\": %.3f, \"requests\": %d,"
                      + " \"requestsPerSecond\": %.3f, \"byEndpoint\": {",
                  f.mode,
                  f.written,
                  f.failed,
                  f.seconds,
                  f.recordsPerSecond(),
                  f.requests,
                  f.requestsPerSecond()));
      String s2 = "";
      for (Map.Entry<String, Long> e : f.byEndpoint.entrySet()) {
        j.append(s2).append('"').append(e.getKey()).append("\": ").append(e.getValue());
        s2 = ", ";
      }
      j.append("}}");
      sep = ", ";
    }
    return j.append("}}\n").toString();
  }
}
