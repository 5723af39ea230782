package io.formaloo.beam.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until stopped (Ctrl-C):
 *
 * <pre>
 * scripts/emulator --customers 10000 --activities 50000 --port 8080 [--latency-ms 20]
 *     [--jitter-ms 10] [--rate 50] [--retry-after seconds|http_date|absent] [--error-rate 0.05]
 *     [--drop-rate 0.01] [--drop-after-commit-rate 0.01] [--batch-failure-rate 0.1] [--envelope]
 *     [--inserts-per-list 1] [--deletes-per-list 1] [--server-page-size 10] [--token-lifetime-s 30] [--seed 1]
 *     [--from 2026-01-01] [--to 2026-11-01] [--max-page-size 100] [--api-key K] [--api-secret S]
 *     [--business B] [--host 127.0.0.1]
 *     [--batch-answer row_indexed|keyed_by_identity|counts_only|empty|message_only]
 *     [--reject-email-domain blocked.example]
 * </pre>
 *
 * It prints its base URL, API key, API secret and business slug, one per line, labelled, so a
 * script can read them.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("emulator: " + e.getMessage());
      System.err.println("usage: scripts/emulator [--customers N] [--activities M] [--port P] ...");
      System.exit(2);
      return;
    }
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

  static EmulatorConfig parse(String[] args) {
    EmulatorConfig.Builder config = EmulatorConfig.builder();
    Faults.Builder faults = Faults.builder();
    Duration latency = Duration.ZERO;
    Duration jitter = Duration.ZERO;
    double rate = 0;
    Faults.RetryAfterMode retryAfter = Faults.RetryAfterMode.SECONDS;
    LocalDate from = null;
    LocalDate to = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--envelope")) {
        faults.envelope(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      try {
        switch (flag) {
          case "--customers":
            config.seedCustomers(Integer.parseInt(value));
            break;
          case "--activities":
            config.seedActivities(Integer.parseInt(value));
            break;
          case "--port":
            config.port(Integer.parseInt(value));
            break;
          case "--host":
            config.host(value);
            break;
          case "--seed":
            config.seed(Long.parseLong(value));
            break;
          case "--from":
            from = LocalDate.parse(value);
            break;
          case "--to":
            to = LocalDate.parse(value);
            break;
          case "--api-key":
            config.apiKey(value);
            break;
          case "--api-secret":
            config.apiSecret(value);
            break;
          case "--business":
            config.business(value);
            break;
          case "--token-lifetime-s":
            config.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
            break;
          case "--max-page-size":
            config.maxPageSize(Integer.parseInt(value));
            break;
          case "--threads":
            config.threads(Integer.parseInt(value));
            break;
          case "--latency-ms":
            latency = Duration.ofMillis(Long.parseLong(value));
            break;
          case "--jitter-ms":
            jitter = Duration.ofMillis(Long.parseLong(value));
            break;
          case "--rate":
            rate = Double.parseDouble(value);
            break;
          case "--retry-after":
            retryAfter = Faults.RetryAfterMode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            break;
          case "--error-rate":
            faults.errorRate(Double.parseDouble(value));
            break;
          case "--drop-rate":
            faults.dropRate(Double.parseDouble(value));
            break;
          case "--drop-after-commit-rate":
            faults.dropAfterCommitRate(Double.parseDouble(value));
            break;
          case "--batch-failure-rate":
            faults.batchJobFailureRate(Double.parseDouble(value));
            break;
          case "--batch-answer":
            config.batchImportAnswer(batchImportAnswer(value));
            break;
          case "--reject-email-domain":
            config.rejectEmailDomain(value);
            break;
          case "--inserts-per-list":
            faults.insertsPerListRequest(Integer.parseInt(value));
            break;
          case "--deletes-per-list":
            faults.deletesPerListRequest(Integer.parseInt(value));
            break;
          case "--server-page-size":
            faults.serverPageSize(Integer.parseInt(value));
            break;
          default:
            throw new IllegalArgumentException("unknown option " + flag);
        }
      } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(flag + ": cannot read \"" + value + "\"");
      }
    }
    if (from != null || to != null) {
      config.seedDates(
          from != null ? from : LocalDate.of(2026, 1, 1),
          to != null ? to : LocalDate.of(2026, 11, 1));
    }
    faults.latency(latency, jitter).rateLimit(rate, retryAfter);
    return config.faults(faults.build()).build();
  }

  private static BatchImportAnswer batchImportAnswer(String value) {
    for (BatchImportAnswer answer : BatchImportAnswer.values()) {
      if (answer.name().equalsIgnoreCase(value.replace('-', '_'))) {
        return answer;
      }
    }
    throw new IllegalArgumentException(
        "--batch-answer must be row_indexed, keyed_by_identity, counts_only, empty or"
            + " message_only, got "
            + value);
  }
}
