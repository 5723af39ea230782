package io.formaloo.beam.pipelines.backfill;

import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.cli.PipelineRun;
import io.formaloo.beam.pipelines.cli.Preflight;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Summary;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.deadletters.ToDeadLetterFn;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.metrics.CountFn;
import io.formaloo.beam.pipelines.metrics.Counters;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Backfill: loads customers and activities from JSON Lines or CSV files into Formaloo, through
 * {@code FormalooIO.writeCustomers()} and {@code writeActivities()}.
 *
 * <pre>
 * scripts/backfill --formalooBusiness=acme --customersInput='in/customers-*.jsonl' \
 *     --activitiesInput='in/activities-*.csv' --deadLetterDir=dead
 * </pre>
 *
 * <p>Every input line ends written or in the dead letters: {@code <deadLetterDir>/customers/} and
 * {@code <deadLetterDir>/activities/}, JSON Lines of {@code {"record": ..., "error": ...}} (see
 * {@link io.formaloo.beam.pipelines.deadletters.DeadLetters}), lines that could not be parsed
 * included. A dead-letter file is itself an input: give it back as {@code --customersInput} or
 * {@code --activitiesInput} (with another {@code --deadLetterDir}) to replay it. Writes are
 * idempotent (customers upsert by email or phone, activities carry stable slugs), so a replay never
 * duplicates.
 */
public final class Backfill {
  public static final String NAME = "backfill";

  private Backfill() {}

  /**
   * Runs the backfill from the command line; exits 0 when done, 1 if it failed, 2 for wrong
   * options.
   */
  public static void main(String[] args) {
    Cli.main(NAME, BackfillOptions.class, args, Backfill::run);
  }

  /**
   * Parses {@code args} (as {@link Cli#parse} does) and runs the backfill: the command line's way.
   */
  public static RunOutcome run(String[] args, Terminal terminal) {
    return run(Cli.parse(args, BackfillOptions.class), terminal);
  }

  /**
   * Checks {@code options}, runs the backfill and prints its summary to {@code terminal}: the typed
   * entry point, for programs that run it (the demo, the soak) without a command line.
   *
   * @throws io.formaloo.beam.pipelines.cli.InvalidOptionException if an option is missing or wrong
   *     (nothing was started)
   * @throws io.formaloo.beam.pipelines.cli.PipelineFailedException if the pipeline failed
   */
  public static RunOutcome run(BackfillOptions options, Terminal terminal) {
    BackfillPlan plan = BackfillPlan.check(options);
    FormalooConfig config = ConfigFromOptions.build(options, terminal.environment());
    Preflight.check(config);

    Pipeline pipeline = Pipeline.create(options);
    // A ceiling is per worker process, shared by the backfill's writes (each write's own ceiling
    // is per worker process too); without one, they share the adaptive rate of each worker.
    Double ceiling = options.getMaxRequestsPerSecond();
    Double budget = ceiling == null ? null : ceiling / plan.writes();
    List<RunOutcome.Output> outputs = new ArrayList<>();
    if (plan.customers() != null) {
      FormalooIO.Write<Customer> write = writeCustomers(config, options, plan, budget);
      load(pipeline, BackfillPlan.CUSTOMERS, Customer.class, plan, plan.customers(), write);
      outputs.add(deadLetterOutput(plan, BackfillPlan.CUSTOMERS));
    }
    if (plan.activities() != null) {
      FormalooIO.Write<Activity> write =
          withBudget(
              FormalooIO.writeActivities()
                  .withConfig(config)
                  .withShards(options.getMaxParallelRequests())
                  .withMaxConcurrentRequests(options.getMaxConcurrentRequests()),
              budget);
      load(pipeline, BackfillPlan.ACTIVITIES, Activity.class, plan, plan.activities(), write);
      outputs.add(deadLetterOutput(plan, BackfillPlan.ACTIVITIES));
    }

    RunOutcome outcome =
        PipelineRun.run(pipeline, NAME, terminal, options.getProgressIntervalSeconds())
            .withOutputs(outputs);
    summary(outcome, plan).print(terminal.out(), outcome.outputs());
    return outcome;
  }

  private static FormalooIO.Write<Customer> writeCustomers(
      FormalooConfig config, BackfillOptions options, BackfillPlan plan, Double budget) {
    FormalooIO.Write<Customer> write =
        withBudget(
            FormalooIO.writeCustomers()
                .withConfig(config)
                .withShards(options.getMaxParallelRequests())
                .withMaxConcurrentRequests(options.getMaxConcurrentRequests()),
            budget);
    switch (plan.bulkImport()) {
      case "always":
        return write.withBulkImport();
      case "never":
        return write.withoutBulkImport();
      default:
        return write;
    }
  }

  private static <T> FormalooIO.Write<T> withBudget(FormalooIO.Write<T> write, Double budget) {
    return budget == null ? write : write.withMaxRequestsPerSecond(budget);
  }

  /** Files → records → the write; its failures and the unparseable input → dead letters. */
  private static <T> void load(
      Pipeline pipeline,
      String entity,
      Class<T> type,
      BackfillPlan plan,
      String glob,
      FormalooIO.Write<T> write) {
    TupleTag<T> records = new TupleTag<>(entity);
    TupleTag<String> unparseable = new TupleTag<>(entity + "-unparseable");
    PCollectionTuple parsed =
        pipeline
            .apply("Find " + entity, FileIO.match().filepattern(glob))
            .apply("Open " + entity, FileIO.readMatches())
            .apply(
                "Parse " + entity,
                ParDo.of(new ParseFileFn<>(type, entity, plan.format(), records, unparseable))
                    .withOutputTags(records, TupleTagList.of(unparseable)));
    PCollection<T> input = parsed.get(records).setCoder(schemaCoder(pipeline, type));

    FormalooIO.Write.Result result = input.apply("Write " + entity, write);
    result
        .getWritten()
        .apply("Count written " + entity, ParDo.of(new CountFn<>(entity + "_written")));
    PCollection<String> failed =
        result.getFailed().apply("Dead-letter " + entity, ParDo.of(new ToDeadLetterFn(entity)));

    ResourceId folder = plan.deadLetterFolder(entity);
    PCollectionList.of(parsed.get(unparseable).setCoder(StringUtf8Coder.of()))
        .and(failed)
        .apply("Gather dead letters " + entity, Flatten.pCollections())
        .apply(
            "Write dead letters " + entity,
            // One file: a person opens it, and it is the input of a replay.
            TextIO.write()
                .to(Locations.file(folder, "failures").toString())
                .withSuffix(".jsonl")
                .withNumShards(1));
  }

  private static <T> org.apache.beam.sdk.schemas.SchemaCoder<T> schemaCoder(
      Pipeline pipeline, Class<T> type) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(type + " has a Beam schema in the connector", e);
    }
  }

  private static RunOutcome.Output deadLetterOutput(BackfillPlan plan, String entity) {
    return new RunOutcome.Output(
        entity + " dead letters",
        Locations.file(plan.deadLetterFolder(entity), "failures-00000-of-00001.jsonl").toString());
  }

  private static Summary summary(RunOutcome outcome, BackfillPlan plan) {
    Summary summary = Summary.of(NAME, outcome);
    Counters c = outcome.counters();
    for (String entity : List.of(BackfillPlan.CUSTOMERS, BackfillPlan.ACTIVITIES)) {
      if (entity.equals(BackfillPlan.CUSTOMERS)
          ? plan.customers() == null
          : plan.activities() == null) {
        continue;
      }
      long unparseable = c.pipeline(entity + "_unparseable");
      long refused = c.pipeline(entity + "_failed");
      summary.line(
          "%s: %,d read, %,d written, %,d failed (%,d unparseable, %,d not written)",
          entity,
          c.pipeline(entity + "_read") + unparseable,
          c.pipeline(entity + "_written"),
          unparseable + refused,
          unparseable,
          refused);
    }
    long byAnswer = c.formaloo(FormalooMetrics.WRITE_BULK_ROWS_CONFIRMED_BY_ANSWER);
    long oneByOne = c.formaloo(FormalooMetrics.WRITE_BULK_ROWS_CONFIRMED_ONE_BY_ONE);
    if (byAnswer + oneByOne > 0) {
      // The slower path shows here: rows the jobs' answers left unaccounted for cost a request
      // each.
      summary.line(
          "bulk import rows: %,d confirmed by the jobs' answers, %,d confirmed one by one, %,d"
              + " failed",
          byAnswer, oneByOne, c.formaloo(FormalooMetrics.WRITE_BULK_ROWS_FAILED));
    }
    summary.requests(outcome);
    long failures = c.recordsFailed();
    if (failures > 0) {
      summary.line(
          "%,d records did not land: see the dead letters below; to replay them, pass a"
              + " dead-letter file as --customersInput/--activitiesInput with another"
              + " --deadLetterDir",
          failures);
    }
    return summary;
  }
}
