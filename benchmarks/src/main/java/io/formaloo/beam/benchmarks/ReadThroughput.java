package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.cli.CommandLine;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import java.time.Duration;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Count;

/**
 * The read benchmark of the reads issue, one process, printed figures (not a timed test):
 *
 * <ol>
 *   <li>{@code readCustomers()} on the Direct runner against an emulator holding {@code customers}
 *       customers, every answer delayed {@code latencyMs}, pages of 100;
 *   <li>a sequential reader that follows {@code next} one page at a time, as most REST extractors
 *       do, against the same emulator;
 *   <li>{@code readCustomers()} again under a rate limit of R requests/s in the emulator, with the
 *       same budget given to the connector, as a fraction of R x page size, with the 429s counted.
 * </ol>
 *
 * {@code scripts/bench ReadThroughput} runs it; options ({@code --help} lists them):
 *
 * <pre>
 *   --customers=200000  --latencyMs=50  --rate=40 (R, requests/s)  --parallelism=8 (the Direct
 *   runner's threads)
 * </pre>
 *
 * The read's options are its defaults (16 pages in flight while the list is still).
 */
public final class ReadThroughput {
  private static final int PAGE_SIZE = 100;

  private ReadThroughput() {}

  static final CommandLine COMMAND_LINE =
      new CommandLine(
              "ReadThroughput",
              "readCustomers() beside a sequential reader, then under the emulator's rate limit")
          .option("customers", "customers the emulator holds", 200_000)
          .option("latencyMs", "the emulator's latency per request", 50)
          .option("rate", "the rate-limited run's limit R, requests per second", 40)
          .option("parallelism", "the Direct runner's threads", 8);

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, ReadThroughput::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    int customers = options.integer("customers", 200_000);
    int latencyMs = options.integer("latencyMs", 50);
    double rate = options.decimal("rate", 40);
    int parallelism = options.integer("parallelism", 8);
    Faults latency = Faults.builder().latency(Duration.ofMillis(latencyMs), Duration.ZERO).build();
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(customers)
                .maxPageSize(PAGE_SIZE)
                .threads(64)
                .build())) {
      emulator.setFaults(latency);
      System.out.printf(
          "setup: %,d customers, %d ms latency per request, pages of %d, Direct runner with %d"
              + " threads%n",
          customers, latencyMs, PAGE_SIZE, parallelism);

      FormalooConfig unlimited = config(emulator, RateLimit.unlimited());
      // The first run in a JVM also pays for loading and compiling the runner's and the
      // connector's classes; the second is what a long-lived worker sees. Both are printed.
      double cold = connectorRead(emulator, unlimited, parallelism);
      double warm = connectorRead(emulator, unlimited, parallelism);
      double sequential = sequentialRead(emulator);
      System.out.printf("readCustomers(), first run in the JVM: %,.0f records/s%n", cold);
      System.out.printf("readCustomers(), second run: %,.0f records/s%n", warm);
      System.out.printf("sequential next-following reader: %,.0f records/s%n", sequential);
      System.out.printf(
          "ratio: %.1fx first run, %.1fx second run (target 10x)%n",
          cold / sequential, warm / sequential);

      emulator.setFaults(
          latency.toBuilder().rateLimit(rate, Faults.RetryAfterMode.SECONDS).build());
      emulator.resetRequestLog();
      // The budget is the API's R requests/s: a read's DoFn instances in one JVM share one
      // client, and so one rate limiter.
      FormalooConfig limited = config(emulator, RateLimit.of(rate, 1));
      double underLimit = connectorRead(emulator, limited, parallelism);
      long throttled = emulator.statusCounts().getOrDefault(429, 0L);
      long requests = emulator.requestLog().size();
      System.out.printf(
          "under a limit of %.0f requests/s: %,.0f records/s = %.0f%% of R x page size (target"
              + " 90%%), %,d requests, %d answers were 429 (every one absorbed: the read"
              + " completed)%n",
          rate, underLimit, 100 * underLimit / (rate * PAGE_SIZE), requests, throttled);
    }
  }

  private static FormalooConfig config(FormalooEmulator emulator, RateLimit limit) {
    return FormalooConfig.builder()
        .baseUrl(emulator.baseUrl())
        .business(emulator.business())
        .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
        .rateLimit(limit)
        .build();
  }

  private static double connectorRead(
      FormalooEmulator emulator, FormalooConfig config, int threads) {
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setTargetParallelism(threads);
    options.setBlockOnRun(true);
    // The Direct runner's test-time checks encode, decode and compare every element: they
    // measure the runner, not the read. Production runners do not make them.
    options.setEnforceImmutability(false);
    options.setEnforceEncodability(false);
    Pipeline p = Pipeline.create(options);
    p.apply(FormalooIO.readCustomers().withConfig(config).withPageSize(PAGE_SIZE))
        .apply(Count.globally());
    long start = System.nanoTime();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    long records = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named(
                            FormalooMetrics.NAMESPACE, FormalooMetrics.READ_RECORDS))
                    .build())
            .getCounters()) {
      records += counter.getAttempted();
    }
    if (records < emulator.customerCount()) {
      throw new IllegalStateException("read " + records + " of " + emulator.customerCount());
    }
    return records / seconds;
  }

  private static double sequentialRead(FormalooEmulator emulator) throws Exception {
    try (FormalooClient client = FormalooClient.create(config(emulator, RateLimit.unlimited()))) {
      long start = System.nanoTime();
      Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1, PAGE_SIZE);
      long records = page.getRecords().size();
      while (page.hasNext()) {
        page = client.nextPage(ListEndpoint.CUSTOMERS, page.getNext());
        records += page.getRecords().size();
      }
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }
}
