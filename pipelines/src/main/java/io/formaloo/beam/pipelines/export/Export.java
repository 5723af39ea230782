package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.cli.PipelineFailedException;
import io.formaloo.beam.pipelines.cli.PipelineRun;
import io.formaloo.beam.pipelines.cli.Preflight;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Summary;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.deadletters.ReadDeadLetters;
import io.formaloo.beam.pipelines.files.WriteRecordFiles;
import io.formaloo.beam.pipelines.metrics.Counters;
import io.formaloo.beam.pipelines.records.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * Export: CDP data to warehouse files. Customers, activities and the reference data (tags, action
 * types, currencies), each under {@code <outputDir>/<entity>/}, as JSON Lines (the API's JSON),
 * Avro or Parquet (the API's field names).
 *
 * <pre>
 * scripts/export --formalooBusiness=acme --outputDir=out --format=parquet \
 *     --entities=customers,activities --since=2026-11-01 --until=2026-11-27
 * </pre>
 *
 * <p>{@code --since}/{@code --until} select activities by the day Formaloo recorded them ({@code
 * created_at}, the connector's {@code withCreatedBetween}: one query per day), which is what a
 * nightly incremental export wants: an activity that arrives late, dated in the past, is still
 * exported the night it arrives. {@code --activitiesDateField=activity_date} selects by the day
 * they happened instead ({@code withActivityDateBetween}).
 *
 * <p>Files are named {@code part-NNNNN-of-NNNNN.<format>}; the ones an earlier export left in an
 * entity's folder are removed first. What the reads could not read (a record that does not map onto
 * the model, a page that failed after the retries) is in {@code --deadLetterDir} (default {@code
 * <outputDir>/_dead-letters/<entity>/}), counted in the summary; the rest is exported.
 */
public final class Export {
  public static final String NAME = "export";

  private Export() {}

  /**
   * Runs the export from the command line; exits 0 when done, 1 if it failed, 2 for wrong options.
   */
  public static void main(String[] args) {
    Cli.main(NAME, ExportOptions.class, args, Export::run);
  }

  /**
   * Parses {@code args} (as {@link Cli#parse} does) and runs the export: the command line's way.
   */
  public static RunOutcome run(String[] args, Terminal terminal) {
    return run(Cli.parse(args, ExportOptions.class), terminal);
  }

  /**
   * Checks {@code options}, runs the export and prints its summary to {@code terminal}: the typed
   * entry point, for programs that run it (the demo, the soak) without a command line.
   *
   * @throws io.formaloo.beam.pipelines.cli.InvalidOptionException if an option is missing or wrong
   *     (nothing was started)
   * @throws io.formaloo.beam.pipelines.cli.PipelineFailedException if the pipeline failed
   */
  public static RunOutcome run(ExportOptions options, Terminal terminal) {
    ExportPlan plan = ExportPlan.check(options);
    if (plan.warehouse() != null) {
      return WarehouseExport.run(options, plan, terminal);
    }
    Instant started = IncrementalWindow.clock.instant();
    LocalDate today = started.atZone(ZoneOffset.UTC).toLocalDate();
    Map<Entity, LocalDate> bookmarks =
        plan.incremental() ? FileSyncState.read(plan.output()) : Map.of();
    DateWindow window =
        plan.incremental()
            ? IncrementalWindow.of(bookmarks.get(Entity.ACTIVITIES), plan.lookbackDays(), today)
            : plan.window();
    FormalooConfig config = ConfigFromOptions.build(options, terminal.environment());
    Preflight.check(config);

    Pipeline pipeline = Pipeline.create(options);
    List<RunOutcome.Output> outputs = new ArrayList<>();
    for (Entity entity : plan.entities()) {
      int stale =
          entity == Entity.ACTIVITIES && plan.incremental()
              ? StaleFiles.deleteDays(plan.folder(entity), window)
              : StaleFiles.delete(plan.folder(entity));
      if (stale > 0) {
        terminal
            .out()
            .printf(
                "export: removed %d files of an earlier export from %s%n",
                stale, plan.folder(entity));
      }
      outputs.add(
          new RunOutcome.Output(
              entity.folder() + " (" + plan.format() + ")", plan.folder(entity).toString()));
    }
    EntityReads.readAll(pipeline, plan, config, window, files(plan));

    outputs.add(
        new RunOutcome.Output(
            "dead letters (what could not be read)", plan.deadLetters().toString()));
    RunOutcome outcome =
        PipelineRun.run(pipeline, NAME, terminal, options.getProgressIntervalSeconds())
            .withOutputs(outputs);
    Summary summary = Summary.of(NAME, outcome);
    entityLines(summary, outcome, plan, window);
    if (plan.incremental()) {
      LocalDate bookmark = bookmarks.get(Entity.ACTIVITIES);
      String was = bookmark == null ? "none" : bookmark.toString();
      failIfIncomplete(outcome, plan, summary, terminal, "the bookmarks stay " + was);
      Map<Entity, LocalDate> moved = new EnumMap<>(Entity.class);
      plan.entities().forEach(e -> moved.put(e, today));
      FileSyncState.write(plan.output(), moved, started);
      summary.line(
          "bookmark: %s (was %s; next run reads activities from %s), in %s",
          today, was, today.minusDays(plan.lookbackDays()), FileSyncState.FILE);
    }
    summary.requests(outcome).print(terminal.out(), outcome.outputs());
    return outcome;
  }

  private static EntityReads.Destination files(ExportPlan plan) {
    return new EntityReads.Destination() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> void write(Entity entity, PCollection<T> records, Class<T> type) {
        if (entity == Entity.ACTIVITIES && plan.incremental()) {
          ((PCollection<Activity>) records)
              .apply(
                  "Write " + entity.folder() + " by day",
                  WriteRecordFiles.byCreatedDay(plan.format(), plan.folder(entity)));
          return;
        }
        records.apply(
            "Write " + entity.folder(),
            new WriteRecordFiles<>(type, plan.format(), plan.folder(entity), plan.shards(entity)));
      }
    };
  }

  /** The summary's line for each entity: how many records, and how many could not be read. */
  static void entityLines(Summary summary, RunOutcome outcome, ExportPlan plan, DateWindow window) {
    Counters c = outcome.counters();
    for (Entity entity : plan.entities()) {
      String days =
          entity == Entity.ACTIVITIES && window != null
              ? " (" + plan.dateField() + " " + window + ")"
              : "";
      long unread = unread(outcome, entity);
      summary.line(
          "%s: %,d records%s%s",
          entity.folder(),
          c.pipeline(entity.folder() + "_exported"),
          days,
          unread == 0 ? "" : String.format(", %,d could not be read (dead letters)", unread));
    }
  }

  /**
   * Ends a run whose reads were not all complete: its summary, then a failure (exit code 1) that
   * says what was kept back ({@code kept}), since the next run must read the same days again.
   *
   * @throws PipelineFailedException if anything could not be read
   */
  static void failIfIncomplete(
      RunOutcome outcome, ExportPlan plan, Summary summary, Terminal terminal, String kept) {
    long unread = plan.entities().stream().mapToLong(e -> unread(outcome, e)).sum();
    if (unread == 0) {
      return;
    }
    summary.requests(outcome).print(terminal.out(), outcome.outputs());
    throw PipelineFailedException.incomplete(
        String.format(
            "%s: %,d could not be read (see the dead letters): what was read is written, but %s,"
                + " so the next run reads the same days again",
            NAME, unread, kept));
  }

  /** What the reads of {@code entity} could not read: a record, a page, a whole query. */
  static long unread(RunOutcome outcome, Entity entity) {
    return outcome.counters().pipeline(entity.folder() + "_" + ReadDeadLetters.COUNTER);
  }
}
