package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.cli.PipelineFailedException;
import io.formaloo.beam.pipelines.cli.PipelineRun;
import io.formaloo.beam.pipelines.cli.Preflight;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Summary;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.warehouse.Connections;
import io.formaloo.beam.pipelines.warehouse.Table;
import io.formaloo.beam.pipelines.warehouse.Warehouse;
import io.formaloo.beam.pipelines.warehouse.WarehouseException;
import io.formaloo.beam.pipelines.warehouse.WarehouseUrl;
import io.formaloo.beam.pipelines.warehouse.WriteTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Export into a warehouse ({@code --warehouse=JDBC_URL}): every entity upserted into its table by
 * key. In order, so that nothing is half done:
 *
 * <ol>
 *   <li>the warehouse: reachable, the login accepted, the tables created or fitted (before any API
 *       request, so a wrong URL fails in seconds);
 *   <li>the bookmarks, and from them the days of activities to read ({@link IncrementalWindow});
 *   <li>the pipeline: reads, upserts, and the codes of the customers read;
 *   <li>only if it ended and every read was complete: in one transaction, customers the read did
 *       not see get {@code deleted_at}, and the bookmarks move to the day the run started. A run
 *       that fails, or could not read everything, leaves both, so the next run reads the same days
 *       again; its upserts are idempotent.
 * </ol>
 */
final class WarehouseExport {
  private WarehouseExport() {}

  static RunOutcome run(ExportOptions options, ExportPlan plan, Terminal terminal) {
    WarehouseUrl url = WarehouseUrl.parse(plan.warehouse(), terminal.environment());
    try (Warehouse warehouse = open(url)) {
      return run(options, plan, terminal, warehouse);
    } finally {
      Connections.close(url);
    }
  }

  private static Warehouse open(WarehouseUrl url) {
    try {
      return Warehouse.open(url);
    } catch (WarehouseException e) {
      throw new InvalidOptionException(e.getMessage(), e);
    }
  }

  private static RunOutcome run(
      ExportOptions options, ExportPlan plan, Terminal terminal, Warehouse warehouse) {
    Instant started = IncrementalWindow.clock.instant();
    LocalDate today = started.atZone(ZoneOffset.UTC).toLocalDate();
    Map<Entity, LocalDate> bookmarks;
    try {
      for (String column : warehouse.prepare(plan.entities())) {
        terminal.out().printf("export: added the column %s%n", column);
      }
      bookmarks = warehouse.bookmarks();
    } catch (WarehouseException e) {
      throw new InvalidOptionException(e.getMessage(), e);
    }
    DateWindow window =
        plan.incremental()
            ? IncrementalWindow.of(bookmarks.get(Entity.ACTIVITIES), plan.lookbackDays(), today)
            : plan.window();
    FormalooConfig config = ConfigFromOptions.build(options, terminal.environment());
    Preflight.check(config);

    Pipeline pipeline = Pipeline.create(options);
    EntityReads.readAll(pipeline, plan, config, window, tables(warehouse.url()));
    RunOutcome outcome =
        PipelineRun.run(pipeline, Export.NAME, terminal, options.getProgressIntervalSeconds())
            .withOutputs(
                List.of(
                    new RunOutcome.Output("warehouse", warehouse.url().redacted()),
                    new RunOutcome.Output(
                        "dead letters (what could not be read)", plan.deadLetters().toString())));
    Summary summary = Summary.of(Export.NAME, outcome);
    Export.entityLines(summary, outcome, plan, window);

    Export.failIfIncomplete(
        outcome,
        plan,
        summary,
        terminal,
        "no customer was marked deleted and the bookmarks stay " + describe(bookmarks));
    Map<Entity, LocalDate> moved = new EnumMap<>(Entity.class);
    if (plan.incremental()) {
      plan.entities().forEach(e -> moved.put(e, today));
    }
    int deleted;
    try {
      deleted = warehouse.finish(started, plan.entities().contains(Entity.CUSTOMERS), moved);
    } catch (WarehouseException e) {
      throw PipelineFailedException.incomplete(e.getMessage());
    }
    if (plan.entities().contains(Entity.CUSTOMERS)) {
      summary.line("customers gone from the API, marked deleted_at: %,d", deleted);
    }
    if (plan.incremental()) {
      summary.line(
          "bookmark: %s (was %s; next run reads activities from %s)",
          today, describe(bookmarks), today.minusDays(plan.lookbackDays()));
    }
    summary.requests(outcome).print(terminal.out(), outcome.outputs());
    return outcome;
  }

  private static String describe(Map<Entity, LocalDate> bookmarks) {
    LocalDate activities = bookmarks.get(Entity.ACTIVITIES);
    return activities == null ? "none" : activities.toString();
  }

  /** Each entity into its table, as the API's JSON; customers' codes also into the seen set. */
  private static EntityReads.Destination tables(WarehouseUrl url) {
    return new EntityReads.Destination() {
      @Override
      public <T> void write(Entity entity, PCollection<T> records, Class<T> type) {
        String name = entity.folder();
        PCollection<String> json =
            records
                .apply(
                    "JSON of " + name,
                    MapElements.into(TypeDescriptors.strings()).via(ModelJson::toJson))
                .setCoder(StringUtf8Coder.of());
        json.apply("Upsert " + name, WriteTable.of(url, Table.of(entity)));
        if (entity == Entity.CUSTOMERS) {
          @SuppressWarnings("unchecked")
          PCollection<Customer> customers = (PCollection<Customer>) records;
          customers
              .apply(
                  "Codes of " + name,
                  MapElements.into(TypeDescriptors.strings()).via(Customer::getCode))
              .setCoder(StringUtf8Coder.of())
              .apply("Seen " + name, WriteTable.seenCustomers(url));
        }
      }
    };
  }
}
