package io.formaloo.beam.emulator;

import io.formaloo.beam.emulator.cli.CommandLine;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until stopped (Ctrl-C), e.g.
 *
 * <pre>
 * scripts/emulator --customers=10000 --activities=50000 --port=8080 --latencyMs=20 --rate=50
 * </pre>
 *
 * <p>{@code --help} lists every option ({@link #COMMAND_LINE}). It prints its base URL, API key,
 * API secret and business slug, one per line, labelled, so a script can read them.
 */
public final class EmulatorMain {
  static final CommandLine COMMAND_LINE =
      new CommandLine("emulator", "the Formaloo API on loopback, with seeded data and faults")
          .option("customers", "customers to seed", 0)
          .option("activities", "activities to seed", 0)
          .option("port", "the port to listen on; 0 picks a free one", 0)
          .option("host", "the address to listen on (loopback only)", "127.0.0.1")
          .option("seed", "the seed of the generated data", 1)
          .option("from", "the first day of the seeded activities", "2026-01-01")
          .option("to", "the last day of the seeded activities", "2026-11-01")
          .option("apiKey", "the API key it accepts", null)
          .option("apiSecret", "the API secret it accepts", null)
          .option("business", "the business slug it serves", null)
          .option("tokenLifetimeSeconds", "how long a token it issues lasts", null)
          .option("maxPageSize", "the largest page it answers", null)
          .option("threads", "threads answering requests", null)
          .option("latencyMs", "added to every answer", 0)
          .option("jitterMs", "random extra latency, up to this", 0)
          .option("rate", "requests per second it answers; 429 beyond (0: no limit)", 0)
          .option(
              "retryAfter", "how a 429 says when to retry: seconds, http_date or absent", "seconds")
          .option("errorRate", "share of requests answered 5xx", 0)
          .option("dropRate", "share of connections dropped before the work", 0)
          .option("dropAfterCommitRate", "share of connections dropped after the work", 0)
          .option("batchFailureRate", "share of bulk import jobs that fail", 0)
          .option(
              "batchAnswer",
              "the shape of a bulk import's answer: row_indexed, keyed_by_identity, counts_only,"
                  + " empty or message_only",
              null)
          .option("rejectEmailDomain", "customers of this email domain are refused", null)
          .option("insertsPerList", "customers inserted at the head per list request", 0)
          .option("deletesPerList", "customers deleted per list request", 0)
          .option("serverPageSize", "the page size it answers with, whatever is asked", null)
          .option("envelope", "wrap answers in the {status, data} envelope", false);

  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, options -> serve(parse(options)));
  }

  private static void serve(EmulatorConfig config) throws InterruptedException {
    long started = System.nanoTime();
    FormalooEmulator emulator = FormalooEmulator.start(config);
    PrintStream out = System.out;
    out.println("base_url: " + emulator.baseUrl());
    out.println("api_key: " + emulator.apiKey());
    out.println("api_secret: " + emulator.apiSecret());
    out.println("business: " + emulator.business());
    out.println(
        "seeded: "
            + emulator.customerCount()
            + " customers, "
            + emulator.activityCount()
            + " activities in "
            + Duration.ofNanos(System.nanoTime() - started).toMillis()
            + " ms; faults: "
            + emulator.faults());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /**
   * The configuration {@code args} give.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  static EmulatorConfig parse(String[] args) {
    return parse(COMMAND_LINE.parse(args));
  }

  private static EmulatorConfig parse(CommandLine.Parsed o) {
    EmulatorConfig.Builder config = EmulatorConfig.builder();
    Faults.Builder faults = Faults.builder();
    config.seedCustomers(o.integer("customers", 0));
    config.seedActivities(o.integer("activities", 0));
    config.port(o.integer("port", 0));
    config.host(o.string("host", "127.0.0.1"));
    config.seed(o.whole("seed", 1));
    if (o.has("from") || o.has("to")) {
      config.seedDates(
          o.read("from", LocalDate.of(2026, 1, 1), LocalDate::parse),
          o.read("to", LocalDate.of(2026, 11, 1), LocalDate::parse));
    }
    if (o.has("apiKey")) {
      config.apiKey(o.string("apiKey", null));
    }
    if (o.has("apiSecret")) {
      config.apiSecret(o.string("apiSecret", null));
    }
    if (o.has("business")) {
      config.business(o.string("business", null));
    }
    if (o.has("tokenLifetimeSeconds")) {
      config.tokenLifetime(Duration.ofSeconds(o.whole("tokenLifetimeSeconds", 0)));
    }
    if (o.has("maxPageSize")) {
      config.maxPageSize(o.integer("maxPageSize", 0));
    }
    if (o.has("threads")) {
      config.threads(o.integer("threads", 0));
    }
    if (o.has("batchAnswer")) {
      config.batchImportAnswer(o.read("batchAnswer", null, EmulatorMain::batchImportAnswer));
    }
    if (o.has("rejectEmailDomain")) {
      config.rejectEmailDomain(o.string("rejectEmailDomain", null));
    }
    faults.errorRate(o.decimal("errorRate", 0));
    faults.dropRate(o.decimal("dropRate", 0));
    faults.dropAfterCommitRate(o.decimal("dropAfterCommitRate", 0));
    faults.batchJobFailureRate(o.decimal("batchFailureRate", 0));
    faults.insertsPerListRequest(o.integer("insertsPerList", 0));
    faults.deletesPerListRequest(o.integer("deletesPerList", 0));
    if (o.has("serverPageSize")) {
      faults.serverPageSize(o.integer("serverPageSize", 0));
    }
    faults.envelope(o.flag("envelope"));
    Faults.RetryAfterMode retryAfter =
        o.read(
            "retryAfter",
            Faults.RetryAfterMode.SECONDS,
            v -> Faults.RetryAfterMode.valueOf(v.toUpperCase(Locale.ROOT)));
    faults
        .latency(
            Duration.ofMillis(o.whole("latencyMs", 0)), Duration.ofMillis(o.whole("jitterMs", 0)))
        .rateLimit(o.decimal("rate", 0), retryAfter);
    return config.faults(faults.build()).build();
  }

  private static BatchImportAnswer batchImportAnswer(String value) {
    for (BatchImportAnswer answer : BatchImportAnswer.values()) {
      if (answer.name().equalsIgnoreCase(value.replace('-', '_'))) {
        return answer;
      }
    }
    throw new IllegalArgumentException(
        "--batchAnswer must be row_indexed, keyed_by_identity, counts_only, empty or"
            + " message_only, got "
            + value);
  }
}
