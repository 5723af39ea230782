package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.BatchImportAnswer;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.cli.CommandLine;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.model.Customer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * What each shape of a bulk import job's answer costs in requests: a bulk backfill of customers (by
 * default 10,000 in batches of 1,000, 1% of them refused by the server by their e-mail's domain)
 * against an emulator answering in each {@link BatchImportAnswer} shape, printing the requests by
 * endpoint, and checking that exactly the accepted customers landed and were reported written.
 *
 * <p>{@code scripts/bench BulkImportCost} runs it; options ({@code --help} lists them):
 *
 * <pre>
 *   --customers=10000  --batch=1000  --refusedEvery=100 (1 customer in that many is refused)
 *   --shards=4
 * </pre>
 */
public final class BulkImportCost {
  private static final String BLOCKED = "blocked.example";
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private BulkImportCost() {}

  static final CommandLine COMMAND_LINE =
      new CommandLine(
              "BulkImportCost", "the requests a bulk backfill costs in each shape of job answer")
          .option("customers", "customers to write", 10_000)
          .option("batch", "records per bulk import job", 1_000)
          .option("refusedEvery", "1 customer in this many is refused by the server", 100)
          .option("shards", "the write's shards", 4);

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, BulkImportCost::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    int customers = options.integer("customers", 10_000);
    int batch = options.integer("batch", 1_000);
    int refusedEvery = options.integer("refusedEvery", 100);
    int shards = options.integer("shards", 4);
    long refused = (customers + refusedEvery - 1) / refusedEvery;
    System.out.printf(
        Locale.ROOT,
        "bulk backfill of %,d customers in batches of %,d on %d shards, %,d of them (1 in %d)"
            + " refused by the server%n",
        customers,
        batch,
        shards,
        refused,
        refusedEvery);
    for (BatchImportAnswer answer : BatchImportAnswer.values()) {
      run(answer, customers, batch, refusedEvery, shards, refused);
    }
  }

  private static void run(
      BatchImportAnswer answer,
      int customers,
      int batch,
      int refusedEvery,
      int shards,
      long refused)
      throws NoSuchSchemaException {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .batchImportAnswer(answer)
                .rejectEmailDomain(BLOCKED)
                .threads(16)
                .build())) {
      FormalooConfig config =
          FormalooConfig.builder()
              .baseUrl(emulator.baseUrl())
              .business(emulator.business())
              .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
              .rateLimit(RateLimit.unlimited())
              .build();
      Pipeline p = BenchPipelines.direct((4 * shards));
      String key = answer + "-" + System.nanoTime();
      FormalooIO.Write.Result result =
          BenchPipelines.customers(
                  p,
                  customers,
                  i ->
                      Customer.builder()
                          .setEmail(
                              "bench" + i + "@" + (i % refusedEvery == 0 ? BLOCKED : "example.com"))
                          .setFullName("Bench Customer " + i)
                          .build())
              .apply(
                  "Write",
                  FormalooIO.writeCustomers()
                      .withConfig(config)
                      .withBulkImport()
                      .withShards(shards)
                      .withBatchSize(batch));
      result.getWritten().apply("Count written", ParDo.of(new CountFn<>(key + "/written")));
      result.getFailed().apply("Count failed", ParDo.of(new CountFn<>(key + "/failed")));
      long started = System.nanoTime();
      p.run().waitUntilFinish();
      double seconds = (System.nanoTime() - started) / 1e9;

      long written = count(key + "/written");
      long failed = count(key + "/failed");
      if (emulator.customerCount() != customers - refused
          || written != customers - refused
          || failed != refused) {
        throw new IllegalStateException(
            answer
                + ": the emulator holds "
                + emulator.customerCount()
                + " customers; the write reported "
                + written
                + " written and "
                + failed
                + " failed, expected "
                + (customers - refused)
                + " and "
                + refused);
      }
      Map<String, Long> byEndpoint = emulator.endpointCounts();
      System.out.printf(
          Locale.ROOT,
          "  %-17s %,6d requests (%,d POST /customers/batch/, %,d polls, %,d POST /customers/,"
              + " %,d token) = %.3f per customer; %,d written, %,d failed, exact; %.1f s%n",
          answer,
          emulator.requestCount(),
          byEndpoint.getOrDefault("POST /customers/batch/", 0L),
          byEndpoint.getOrDefault("GET /customers/batch/{slug}/", 0L),
          byEndpoint.getOrDefault("POST /customers/", 0L),
          byEndpoint.getOrDefault("POST /oauth2/authorization-token/", 0L),
          emulator.requestCount() / (double) customers,
          written,
          failed,
          seconds);
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

  private static long count(String key) {
    AtomicLong c = COUNTS.get(key);
    return c == null ? 0 : c.get();
  }
}
