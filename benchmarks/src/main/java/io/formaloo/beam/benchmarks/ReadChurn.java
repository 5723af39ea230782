package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.Churn;
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
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * The churn benchmark of the live-reads issue, printed figures (not a timed test): {@code
 * readCustomers()} with its defaults on the Direct runner with its defaults, against an emulator of
 * {@code customers} customers whose server chooses pages of 10 (ignoring {@code page_size}), lists
 * newest first, answers after {@code latencyMs} (with as much again of jitter, so concurrent
 * requests are served in any order), and changes the list before every list answer. For each way of
 * changing: the list requests sent against a still list's pages, the survivors missing (records
 * that existed before the read and after it, but were not read), and records/s; beside it, the
 * naive reader that follows {@code next} one page at a time.
 *
 * <p>{@code scripts/bench ReadChurn} runs it; options ({@code --help} lists them):
 *
 * <pre>
 *   --customers=3000  --latencyMs=5  --rows=REGEX (the rows whose names it matches; default: all)
 * </pre>
 */
public final class ReadChurn {
  private static final int PAGE_SIZE = 10;

  /** A row: its name, how the list changes, and the most requests allowed against a still list. */
  private static final Object[][] ROWS = {
    {"still list", Churn.none(), null},
    {"1 insert per page request (growth 10% of the read rate)", perRequest(1, 0), 1.3},
    {"1 insert per 10 page requests (1%)", perRequest(0.1, 0), 1.05},
    {"1 insert and 1 delete per page request", perRequest(1, 1), 2.0},
    {"1 delete per page request", perRequest(0, 1), null},
  };

  private ReadChurn() {}

  private static Churn perRequest(double inserts, double deletes) {
    return Churn.builder().perRequest(inserts, deletes).build();
  }

  static final CommandLine COMMAND_LINE =
      new CommandLine("ReadChurn", "readCustomers() of a list that changes while it is read")
          .option("customers", "customers the emulator holds", 3_000)
          .option("latencyMs", "the emulator's latency per request, and as much again of jitter", 5)
          .option(
              "rows", "a regex: only the rows whose names it matches (default: every row)", null);

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, ReadChurn::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    int customers = options.integer("customers", 3_000);
    int latencyMs = options.integer("latencyMs", 5);
    java.util.regex.Pattern rows =
        options.read(
            "rows", java.util.regex.Pattern.compile("."), java.util.regex.Pattern::compile);
    long stillPages = (customers + PAGE_SIZE - 1) / PAGE_SIZE;
    System.out.printf(
        "setup: %,d customers, pages of %d chosen by the server (a still list: %,d pages), %d ms"
            + " latency + up to %d ms jitter, readCustomers() with its defaults, Direct runner"
            + " with its defaults%n%n",
        customers, PAGE_SIZE, stillPages, latencyMs, latencyMs);
    System.out.printf(
        "%-58s %9s %7s %8s %10s | %-20s%n",
        "list changing", "requests", "ratio", "missing", "records/s", "naive: ratio, missing");
    boolean allMet = true;
    for (Object[] row : ROWS) {
      String name = (String) row[0];
      Churn churn = (Churn) row[1];
      Double target = (Double) row[2];
      if (!rows.matcher(name).find()) {
        continue;
      }
      Figures connector = run(customers, latencyMs, churn, true);
      Figures naive = run(customers, latencyMs, churn, false);
      double ratio = connector.requests / (double) stillPages;
      boolean met = connector.missing == 0 && (target == null || ratio <= target);
      allMet &= met;
      System.out.printf(
          "%-58s %,9d %6.2fx %8d %,10.0f | %5.2fx, %,d missing   %s%n",
          name,
          connector.requests,
          ratio,
          connector.missing,
          connector.recordsPerSecond,
          naive.requests / (double) stillPages,
          naive.missing,
          (target == null
                  ? "target: none missing"
                  : "target: none missing, at most " + target + "x")
              + (met ? " (met)" : " (NOT met)"));
      System.out.printf("%-58s   (%s)%n", "", connector.how);
    }
    System.out.println(allMet ? "\nevery target met" : "\nsome target NOT met");
  }

  private static final class Figures {
    long requests;
    long missing;
    double recordsPerSecond;
    String how = "";
  }

  /** Where the connector's requests went, from its metrics. */
  private static final String[] HOW = {
    FormalooMetrics.READ_PROBE_PAGES,
    FormalooMetrics.READ_BATCHES_STILL,
    FormalooMetrics.READ_BATCHES_CHANGED,
    FormalooMetrics.READ_GAPS,
    FormalooMetrics.READ_STEP_BACK_PAGES
  };

  private static Figures run(int customers, int latencyMs, Churn churn, boolean connector)
      throws Exception {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(customers).threads(64).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      emulator.setFaults(
          Faults.builder()
              .churn(churn)
              .serverPageSize(PAGE_SIZE)
              .latency(Duration.ofMillis(latencyMs), Duration.ofMillis(latencyMs))
              .build());
      emulator.resetRequestLog();
      FormalooConfig config =
          FormalooConfig.builder()
              .baseUrl(emulator.baseUrl())
              .business(emulator.business())
              .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
              .build();
      long start = System.nanoTime();
      StringBuilder how = new StringBuilder();
      Set<String> read = connector ? connectorRead(config, how) : naiveRead(config);
      double seconds = (System.nanoTime() - start) / 1e9;
      Figures f = new Figures();
      f.requests = emulator.endpointCount("GET /customers/");
      Set<String> survivors = new HashSet<>(before);
      survivors.retainAll(new HashSet<>(emulator.customerCodes()));
      survivors.removeAll(read);
      f.missing = survivors.size();
      f.recordsPerSecond = read.size() / seconds;
      f.how = how.toString();
      return f;
    }
  }

  private static final Set<String> COLLECTED = ConcurrentHashMap.newKeySet();

  private static Set<String> connectorRead(FormalooConfig config, StringBuilder how) {
    COLLECTED.clear();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(FormalooIO.readCustomers().withConfig(config))
        .apply(
            ParDo.of(
                new DoFn<Customer, Void>() {
                  @ProcessElement
                  public void process(@Element Customer c) {
                    COLLECTED.add(c.getCode());
                  }
                }));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    for (String name : HOW) {
      long total = 0;
      for (MetricResult<Long> c :
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.named(FormalooMetrics.NAMESPACE, name))
                      .build())
              .getCounters()) {
        total += c.getAttempted();
      }
      how.append(how.length() == 0 ? "" : ", ")
          .append(name.replace("read_", ""))
          .append(' ')
          .append(total);
    }
    return new HashSet<>(COLLECTED);
  }

  private static Set<String> naiveRead(FormalooConfig config) throws Exception {
    Set<String> read = new HashSet<>();
    try (FormalooClient client = FormalooClient.create(config)) {
      Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      add(read, page.getRecords());
      while (page.hasNext()) {
        page = client.nextPage(ListEndpoint.CUSTOMERS, page.getNext());
        add(read, page.getRecords());
      }
    }
    return read;
  }

  private static void add(Set<String> read, List<Customer> records) {
    for (Customer c : records) {
      read.add(c.getCode());
    }
  }
}
