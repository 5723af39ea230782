package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faithful stand-in for the Formaloo CDP API, served over a real socket by the JDK's HTTP server.
 *
 * <pre>{@code
 * try (FormalooEmulator emulator = FormalooEmulator.start(
 *     EmulatorConfig.builder().seedCustomers(1_000).seedActivities(5_000).build())) {
 *   String baseUrl = emulator.baseUrl();   // http://127.0.0.1:<port>/v1.0
 *   // point the connector at baseUrl with emulator.apiKey() / apiSecret() / business()
 * }
 * }</pre>
 *
 * <p>It speaks the endpoints, pagination, authentication and semantics of {@code
 * shared/formaloo-api/NOTES.md}, injects the {@link Faults} it is given, and lets tests inspect
 * what it holds and what it was asked.
 */
public final class FormalooEmulator implements AutoCloseable {
  static final String API_PREFIX = "/v1.0";

  static {
    // The JDK server writes headers and body separately with Nagle on: against a client's delayed
    // ACK every answer then stalls ~40 ms (175 requests/s instead of thousands). The property is
    // read once, when the JVM's first HttpServer starts; a value set by the user wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorConfig config;
  private final DataStore store;
  private final TokenIssuer tokens;
  private final FaultInjector faults;
  private final RequestLog log;
  private final BatchImporter batches;
  private final HttpServer server;
  private final ExecutorService executor;

  private FormalooEmulator(EmulatorConfig config) throws IOException {
    this.config = config;
    Clock clock = Clock.systemUTC();
    this.store = new DataStore(clock);
    this.faults = new FaultInjector(config.faults(), config.seed(), clock);
    this.tokens =
        new TokenIssuer(config.apiKey(), config.apiSecret(), config.tokenLifetime(), clock);
    this.log = new RequestLog(config.requestLogCapacity());
    CustomerRejections rejections = new CustomerRejections(config.rejectedEmailDomain());
    this.batches =
        new BatchImporter(
            store, faults, config.batchStepDelay(), config.batchImportAnswer(), rejections);
    Seeder.referenceData(store, clock.instant());
    if (config.seedCustomers() > 0) {
      Seeder.generate(
          store,
          config.seed(),
          config.seedCustomers(),
          config.seedActivities(),
          config.seedFrom(),
          config.seedTo());
    }
    ApiEndpoints endpoints =
        new ApiEndpoints(
            store,
            new Paginator(config.defaultPageSize(), config.maxPageSize(), faults),
            tokens,
            batches,
            new ListChurn(store, faults),
            config.business(),
            rejections);
    ApiServer handler =
        new ApiServer(
            endpoints.routes(),
            new AdminEndpoints(this),
            tokens,
            faults,
            log,
            clock,
            config.business(),
            config.businessParameter());
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            config.threads(),
            r -> {
              Thread t = new Thread(r, "formaloo-emulator-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = bind(config);
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Ports that emulators of this JVM have listened on. A client caches its token per base URL (a
   * real server keeps honouring its tokens across a restart); a fresh emulator on a port an earlier
   * one had would answer that cached token with 401, and the client's refresh-and-retry would add a
   * request that a test counting requests did not expect. So a free port, when asked for, is one
   * this JVM has not used yet. Guarded by itself.
   */
  private static final Set<Integer> PORTS_USED = new HashSet<>();

  private static HttpServer bind(EmulatorConfig config) throws IOException {
    if (config.port() != 0) {
      return recordPort(
          HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024));
    }
    List<HttpServer> seenBefore = new ArrayList<>();
    try {
      for (int attempt = 0; attempt < 50; attempt++) {
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), 0), 1024);
        synchronized (PORTS_USED) {
          if (PORTS_USED.add(server.getAddress().getPort())) {
            return server;
          }
        }
        // Hold it while asking again, so the system offers another port.
        seenBefore.add(server);
      }
      throw new IOException("no loopback port this JVM has not used before after 50 tries");
    } finally {
      seenBefore.forEach(s -> s.stop(0));
    }
  }

  private static HttpServer recordPort(HttpServer server) {
    synchronized (PORTS_USED) {
      PORTS_USED.add(server.getAddress().getPort());
    }
    return server;
  }

  /** Starts an emulator; close it to stop serving. */
  public static FormalooEmulator start(EmulatorConfig config) {
    try {
      return new FormalooEmulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /** Starts an emulator with the default settings: an empty business on a free loopback port. */
  public static FormalooEmulator start() {
    return start(EmulatorConfig.defaults());
  }

  // ---- what a client needs -----------------------------------------------------------------

  /** The API's base URL, e.g. {@code http://127.0.0.1:41234/v1.0}. */
  public String baseUrl() {
    return "http://" + hostForUrl() + ":" + port() + API_PREFIX;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String apiKey() {
    return config.apiKey();
  }

  public String apiSecret() {
    return config.apiSecret();
  }

  /** The business slug to send as {@code active_business}. */
  public String business() {
    return config.business();
  }

  public EmulatorConfig config() {
    return config;
  }

  // ---- faults and tokens at run time -------------------------------------------------------

  public Faults faults() {
    return faults.faults();
  }

  /** Changes the injected faults from the next request on. */
  public void setFaults(Faults faults) {
    this.faults.faults(java.util.Objects.requireNonNull(faults, "faults"));
  }

  /** Makes every token issued so far answer 401 "Signature has expired.", as after 30 s. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  // ---- inspection --------------------------------------------------------------------------

  public int customerCount() {
    return store.read(store.customers::size);
  }

  public int activityCount() {
    return store.read(store.activities::size);
  }

  public int batchJobCount() {
    return batches.jobs().size();
  }

  /** A customer as {@code GET /customers/{code}/} answers it, or null. */
  public JsonNode findCustomerByEmail(String email) {
    return store.read(
        () -> {
          CustomerRecord c = store.customerByEmail(email);
          return c == null ? null : Views.customer(c);
        });
  }

  /**
   * Serves the customer {@code code} from now on with a {@code created_at} that is not a timestamp,
   * as a service with a bad row would: a record that does not map onto any client's model. Returns
   * false if there is no such customer.
   */
  public boolean malformCustomer(String code) {
    return store.write(
        () -> {
          CustomerRecord c = store.customer(code);
          if (c != null) {
            c.malformed = true;
          }
          return c != null;
        });
  }

  /** A customer by code (or slug) as {@code GET /customers/{code}/} answers it, or null. */
  public JsonNode findCustomerByCode(String code) {
    return store.read(
        () -> {
          CustomerRecord c = store.customer(code);
          return c == null ? null : Views.customer(c);
        });
  }

  /** An activity as {@code GET /activities} lists it, or null. */
  public JsonNode findActivityBySlug(String slug) {
    return store.read(
        () -> {
          ActivityRecord a = store.activity(slug);
          return a == null ? null : Views.activity(a);
        });
  }

  /** A batch import job as {@code GET /customers/batch/{slug}/} answers it, or null. */
  public JsonNode findBatchJob(String slug) {
    BatchJob job = batches.job(slug);
    return job == null ? null : Views.batchJob(job);
  }

  /** The codes of every customer, in the order the list endpoint serves them (newest first). */
  public List<String> customerCodes() {
    return store.read(
        () -> {
          List<String> codes = new java.util.ArrayList<>(store.customers.size());
          for (int i = store.customers.size() - 1; i >= 0; i--) {
            codes.add(store.customers.get(i).code());
          }
          return codes;
        });
  }

  /** The slugs of every activity, in the order the list endpoint serves them (newest first). */
  public List<String> activitySlugs() {
    return store.read(
        () -> {
          List<String> slugs = new java.util.ArrayList<>(store.activities.size());
          for (int i = store.activities.size() - 1; i >= 0; i--) {
            slugs.add(store.activities.get(i).slug);
          }
          return slugs;
        });
  }

  /** The most recent requests, oldest first (up to {@link EmulatorConfig#requestLogCapacity()}). */
  public List<RequestLogEntry> requestLog() {
    return log.entries();
  }

  /** Requests so far to one endpoint, named as in the reference: {@code "GET /customers/"}. */
  public long endpointCount(String endpoint) {
    return log.endpointCount(endpoint);
  }

  public Map<String, Long> endpointCounts() {
    return log.endpointCounts();
  }

  public Map<Integer, Long> statusCounts() {
    return log.statusCounts();
  }

  public long requestCount() {
    return log.total();
  }

  public void resetRequestLog() {
    log.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    batches.close();
  }

  private String hostForUrl() {
    String host = config.host();
    if (host.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
