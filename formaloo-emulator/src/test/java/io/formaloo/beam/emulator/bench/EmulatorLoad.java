package io.formaloo.beam.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.cli.CommandLine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator for the emulator: C client threads, each sending its next request as
 * soon as the previous answer is read, over HTTP/1.1 keep-alive connections ({@link
 * java.net.http.HttpClient}). Two runs, each a bounded number of requests after a warm-up:
 *
 * <ol>
 *   <li>{@code GET /v1.0/currencies/?active_business=<b>} (a small list page), and
 *   <li>{@code GET /v1.0/customers/?active_business=<b>&page=N}, N cycling over every page.
 * </ol>
 *
 * <p>Each run prints requests, seconds, requests/s, p50/p99 latency and errors (an answer other
 * than 200, or an I/O failure). By default an emulator is started in-process; {@code --baseUrl}
 * targets a running one instead, on loopback only. Options, in the pipelines' {@code --name=value}
 * dialect ({@code --help} lists them, {@link #COMMAND_LINE}):
 *
 * <pre>
 * scripts/bench-emulator [--concurrency=8] [--requests=100000] [--warmup=50000]
 *     [--customers=1000] [--serverThreads=16] [--minRps=5000] [--maxSeconds=60]
 *     [--baseUrl=http://127.0.0.1:8080/v1.0 --apiKey=K --apiSecret=S --business=B]
 * </pre>
 *
 * Exit status: 0 when both runs had no errors and reached {@code --minRps}; 1 on errors; 3 when a
 * run was below {@code --minRps}; 2 on a usage error (a wrong option, named).
 */
public final class EmulatorLoad {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Re-fetch the token well before its documented 30 s lifetime runs out. */
  private static final Duration TOKEN_REFRESH = Duration.ofSeconds(20);

  private EmulatorLoad() {}

  /** The settings of one invocation. */
  static final class Options {
    String baseUrl;
    String apiKey = EmulatorConfig.defaults().apiKey();
    String apiSecret = EmulatorConfig.defaults().apiSecret();
    String business = EmulatorConfig.defaults().business();
    int concurrency = 8;
    int requests = 100_000;
    int warmup = 50_000;
    int customers = 1_000;
    int serverThreads = EmulatorConfig.defaults().threads();
    double minRps = 5_000;
    int maxSeconds = 60;

    /**
     * The settings {@code args} give.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    static Options parse(String[] args) {
      return from(COMMAND_LINE.parse(args));
    }

    static Options from(CommandLine.Parsed p) {
      Options o = new Options();
      if (p.has("baseUrl")) {
        String value = p.string("baseUrl", null);
        o.baseUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        requireLoopback(o.baseUrl);
      }
      o.apiKey = p.string("apiKey", o.apiKey);
      o.apiSecret = p.string("apiSecret", o.apiSecret);
      o.business = p.string("business", o.business);
      o.concurrency = positive(p, "concurrency", o.concurrency);
      o.requests = positive(p, "requests", o.requests);
      o.warmup = p.integer("warmup", o.warmup);
      if (o.warmup < 0) {
        throw new IllegalArgumentException("--warmup must be >= 0, got " + o.warmup);
      }
      o.customers = positive(p, "customers", o.customers);
      o.serverThreads = positive(p, "serverThreads", o.serverThreads);
      o.maxSeconds = positive(p, "maxSeconds", o.maxSeconds);
      o.minRps = p.decimal("minRps", o.minRps);
      return o;
    }

    private static int positive(CommandLine.Parsed p, String name, int fallback) {
      int n = p.integer(name, fallback);
      if (n <= 0) {
        throw new IllegalArgumentException("--" + name + " must be positive, got " + n);
      }
      return n;
    }
  }

  /** What one run measured. */
  static final class Result {
    final String label;
    final int requests;
    final double seconds;
    final long p50Nanos;
    final long p99Nanos;
    final long errors;
    final String firstError;
    final boolean stoppedAtLimit;

    Result(
        String label,
        int requests,
        double seconds,
        long p50Nanos,
        long p99Nanos,
        long errors,
        String firstError,
        boolean stoppedAtLimit) {
      this.label = label;
      this.requests = requests;
      this.seconds = seconds;
      this.p50Nanos = p50Nanos;
      this.p99Nanos = p99Nanos;
      this.errors = errors;
      this.firstError = firstError;
      this.stoppedAtLimit = stoppedAtLimit;
    }

    double rps() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: requests=%d seconds=%.3f requests/s=%.0f p50=%.3f ms p99=%.3f ms errors=%d%s%s",
          label,
          requests,
          seconds,
          rps(),
          p50Nanos / 1e6,
          p99Nanos / 1e6,
          errors,
          firstError == null ? "" : " (first: " + firstError + ")",
          stoppedAtLimit ? " (stopped at the --maxSeconds limit)" : "");
    }
  }

  /** The options; their defaults are {@link Options}'s. */
  static final CommandLine COMMAND_LINE =
      new CommandLine(
              "bench-emulator",
              "closed-loop GETs against the emulator, requests per second against a target")
          .option("concurrency", "client threads, each with one request in flight", 8)
          .option("requests", "measured requests per run", 100_000)
          .option("warmup", "warm-up requests per run, not measured", 50_000)
          .option("customers", "customers the in-process emulator holds", 1_000)
          .option(
              "serverThreads",
              "the in-process emulator's threads",
              EmulatorConfig.defaults().threads())
          .option("minRps", "the target, requests per second; below it the exit code is 3", 5_000)
          .option("maxSeconds", "each warm-up and measured phase stops after this", 60)
          .option(
              "baseUrl",
              "a running emulator on loopback, e.g. http://127.0.0.1:8080/v1.0 (default: one"
                  + " started in this JVM)",
              null)
          .option("apiKey", "the API key", EmulatorConfig.defaults().apiKey())
          .option("apiSecret", "the API secret", EmulatorConfig.defaults().apiSecret())
          .option("business", "the business slug", EmulatorConfig.defaults().business());

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(
        args, System.out, System.err, options -> System.exit(run(Options.from(options))));
  }

  static int run(Options o) throws Exception {
    FormalooEmulator emulator = null;
    String baseUrl = o.baseUrl;
    if (baseUrl == null) {
      emulator =
          FormalooEmulator.start(
              EmulatorConfig.builder()
                  .seedCustomers(o.customers)
                  .threads(o.serverThreads)
                  .apiKey(o.apiKey)
                  .apiSecret(o.apiSecret)
                  .business(o.business)
                  .build());
      baseUrl = emulator.baseUrl();
    }
    try {
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "target: %s (%s)%n",
          baseUrl,
          emulator == null
              ? "external"
              : "in-process, "
                  + o.serverThreads
                  + " server threads, "
                  + emulator.customerCount()
                  + " customers");
      System.out.printf(
          Locale.ROOT,
          "client: %d threads, java.net.http HTTP/1.1 keep-alive; %d warm-up + %d measured"
              + " requests per run; %d CPUs, java %s%n",
          o.concurrency,
          o.warmup,
          o.requests,
          rt.availableProcessors(),
          System.getProperty("java.version"));
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      Tokens tokens = new Tokens(client, baseUrl, o.apiKey, o.apiSecret);
      String business = URLEncoder.encode(o.business, StandardCharsets.UTF_8);

      String currencies = baseUrl + "/currencies/?active_business=" + business;
      int pages = pageCount(client, tokens, o, baseUrl + "/customers/?active_business=" + business);
      String customersBase = baseUrl + "/customers/?active_business=" + business + "&page=";

      List<Result> results = new ArrayList<>();
      results.add(
          measure(
              "GET /v1.0/currencies/?active_business=" + o.business,
              i -> currencies,
              client,
              tokens,
              o));
      results.add(
          measure(
              "GET /v1.0/customers/?active_business=" + o.business + "&page=N (N=1.." + pages + ")",
              i -> customersBase + (i % pages + 1),
              client,
              tokens,
              o));

      int status = 0;
      for (Result r : results) {
        System.out.println(r);
        if (r.errors > 0) {
          status = 1;
        } else if (r.rps() < o.minRps && status == 0) {
          status = 3;
        }
      }
      for (Result r : results) {
        System.out.printf(
            Locale.ROOT,
            "%s %.0f requests/s against the %.0f requests/s target: %s%n",
            r.label.substring(0, r.label.indexOf('?')),
            r.rps(),
            o.minRps,
            r.rps() >= o.minRps ? "met" : "NOT met");
      }
      return status;
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /** Warms up, then sends {@code o.requests} GETs from {@code o.concurrency} threads. */
  private static Result measure(
      String label, IntFunction<String> urlOf, HttpClient client, Tokens tokens, Options o)
      throws InterruptedException {
    if (o.warmup > 0) {
      drive(urlOf, client, tokens, o.concurrency, o.warmup, new long[o.warmup], o.maxSeconds);
    }
    long[] latencies = new long[o.requests];
    long started = System.nanoTime();
    Outcome outcome =
        drive(urlOf, client, tokens, o.concurrency, o.requests, latencies, o.maxSeconds);
    double seconds = (System.nanoTime() - started) / 1e9;
    int completed = outcome.completed.get();
    long[] measured = Arrays.copyOf(latencies, completed);
    Arrays.sort(measured);
    return new Result(
        label,
        completed,
        seconds,
        percentile(measured, 0.50),
        percentile(measured, 0.99),
        outcome.errors.get(),
        outcome.firstError.get(),
        completed < o.requests);
  }

  private static final class Outcome {
    final AtomicInteger completed = new AtomicInteger();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();

    void error(String what) {
      errors.incrementAndGet();
      firstError.compareAndSet(null, what);
    }
  }

  /**
   * Sends {@code count} requests from {@code threads} threads, latency of request i in [i]; stops
   * claiming requests after {@code maxSeconds}, so the requests done are always 0..completed-1.
   */
  private static Outcome drive(
      IntFunction<String> urlOf,
      HttpClient client,
      Tokens tokens,
      int threads,
      int count,
      long[] latencies,
      int maxSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    AtomicInteger next = new AtomicInteger();
    Outcome outcome = new Outcome();
    List<Thread> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() - deadline < 0) {
                  int i = next.getAndIncrement();
                  if (i >= count) {
                    return;
                  }
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(urlOf.apply(i)))
                          .header("Accept", "application/json")
                          .header("x-api-key", tokens.apiKey)
                          .header("Authorization", "JWT " + tokens.current())
                          .timeout(Duration.ofSeconds(10))
                          .GET()
                          .build();
                  long begun = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[i] = System.nanoTime() - begun;
                    if (response.statusCode() != 200 || response.body().length == 0) {
                      outcome.error(
                          "HTTP "
                              + response.statusCode()
                              + " "
                              + new String(response.body(), StandardCharsets.UTF_8));
                    }
                  } catch (IOException e) {
                    latencies[i] = System.nanoTime() - begun;
                    outcome.error(e.toString());
                  } catch (InterruptedException e) {
                    outcome.completed.incrementAndGet();
                    Thread.currentThread().interrupt();
                    return;
                  }
                  outcome.completed.incrementAndGet();
                }
              },
              "load-client-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return outcome;
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The customers list's page count, asked of the server (so --baseUrl targets work too). */
  private static int pageCount(HttpClient client, Tokens tokens, Options o, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("x-api-key", o.apiKey)
                .header("Authorization", "JWT " + tokens.current())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode pageCount = MAPPER.readTree(response.body()).get("page_count");
    if (pageCount == null || !pageCount.canConvertToInt() || pageCount.asInt() < 1) {
      throw new IllegalStateException("GET " + url + " has no page_count: " + response.body());
    }
    return pageCount.asInt();
  }

  /**
   * The service's client-credentials token, shared by every client thread and re-fetched before its
   * 30 s lifetime runs out, so a long run never sees a 401.
   */
  private static final class Tokens {
    private final HttpClient client;
    private final String tokenUrl;
    private final String apiSecret;
    final String apiKey;
    private volatile String token;
    private volatile long fetchedAt;

    Tokens(HttpClient client, String baseUrl, String apiKey, String apiSecret)
        throws IOException, InterruptedException {
      this.client = client;
      this.tokenUrl = baseUrl + "/oauth2/authorization-token/";
      this.apiKey = apiKey;
      this.apiSecret = apiSecret;
      refresh();
    }

    String current() {
      if (System.nanoTime() - fetchedAt > TOKEN_REFRESH.toNanos()) {
        synchronized (this) {
          if (System.nanoTime() - fetchedAt > TOKEN_REFRESH.toNanos()) {
            try {
              refresh();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted while fetching a token", e);
            }
          }
        }
      }
      return token;
    }

    private void refresh() throws IOException, InterruptedException {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(tokenUrl))
                  .header("Authorization", "Basic " + apiSecret)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 && response.statusCode() != 201) {
        throw new IllegalStateException(
            "token request answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode value = MAPPER.readTree(response.body()).get("authorization_token");
      if (value == null || !value.isTextual()) {
        throw new IllegalStateException("token answer has no authorization_token");
      }
      token = value.asText();
      fetchedAt = System.nanoTime();
    }
  }

  private static void requireLoopback(String baseUrl) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--baseUrl must be an http:// URL, got " + baseUrl);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "--baseUrl must point at loopback (this generator only loads a local emulator),"
                  + " got "
                  + baseUrl);
        }
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("--baseUrl: unknown host " + host);
    }
  }
}
