package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.cli.PipelineRun;
import io.formaloo.beam.pipelines.cli.Preflight;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.cli.Summary;
import io.formaloo.beam.pipelines.cli.Terminal;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.metrics.CountFn;
import io.formaloo.beam.pipelines.metrics.Counters;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.report.ReportData;
import io.formaloo.beam.pipelines.report.ReportFiles;
import io.formaloo.beam.pipelines.report.WriteReportFn;
import io.formaloo.beam.pipelines.warehouse.Connections;
import io.formaloo.beam.pipelines.warehouse.WarehouseUrl;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Analytics: activities per day per action type, customers by score band, and the most active
 * customers, from an export's files ({@code --inputDir}, any format) or straight from the API.
 * Written as CSV files and one self-contained HTML report with SVG charts, into {@code
 * --outputDir}.
 *
 * <pre>
 * scripts/analytics --inputDir=out --outputDir=report
 * scripts/analytics --formalooBusiness=acme --outputDir=report --since=2026-11-01
 * </pre>
 *
 * <p>{@code --since}/{@code --until} select activities by the day they happened ({@code
 * activity_date}, else {@code created_at}), the day they are charted on.
 */
public final class Analytics {
  public static final String NAME = "analytics";

  private Analytics() {}

  /**
   * Runs the analytics from the command line; exits 0 when done, 1 if it failed, 2 for wrong
   * options.
   */
  public static void main(String[] args) {
    Cli.main(NAME, AnalyticsOptions.class, args, Analytics::run);
  }

  /**
   * Parses {@code args} (as {@link Cli#parse} does) and runs the analytics: the command line's way.
   */
  public static RunOutcome run(String[] args, Terminal terminal) {
    return run(Cli.parse(args, AnalyticsOptions.class), terminal);
  }

  /**
   * Checks {@code options}, runs the analytics and prints its summary to {@code terminal}: the
   * typed entry point, for programs that run it (the demo, the soak) without a command line.
   *
   * @throws io.formaloo.beam.pipelines.cli.InvalidOptionException if an option is missing or wrong
   *     (nothing was started)
   * @throws io.formaloo.beam.pipelines.cli.PipelineFailedException if the pipeline failed
   */
  public static RunOutcome run(AnalyticsOptions options, Terminal terminal) {
    AnalyticsPlan plan = AnalyticsPlan.check(options);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<Customer> customers;
    PCollection<Activity> activities;
    String source;
    if (plan.fromApi()) {
      FormalooConfig config = ConfigFromOptions.build(options, terminal.environment());
      Preflight.check(config);
      source = "Formaloo API " + config.baseUrl() + ", business " + config.business();
      // Each record once: the reads remove the repeats that page shifting causes.
      customers = pipeline.apply("Read customers", FormalooIO.readCustomers().withConfig(config));
      FormalooIO.Read<Activity> read = FormalooIO.readActivities().withConfig(config);
      if (plan.window() != null) {
        read = read.withActivityDateBetween(plan.window().since(), plan.window().until());
      }
      activities = pipeline.apply("Read activities", read);
    } else if (plan.warehouse() != null) {
      WarehouseUrl url = WarehouseUrl.parse(plan.warehouse(), terminal.environment());
      ReadWarehouse.check(url);
      source = "warehouse " + url.redacted();
      customers = pipeline.apply("Read customers", ReadWarehouse.of(url, Entity.CUSTOMERS));
      activities =
          inWindow(
              pipeline.apply("Read activities", ReadWarehouse.of(url, Entity.ACTIVITIES)),
              plan.window());
    } else {
      source = "export " + plan.input();
      customers =
          pipeline.apply(
              "Read customers", ReadExport.of(Customer.class, plan.input(), Entity.CUSTOMERS));
      activities =
          inWindow(
              pipeline.apply(
                  "Read activities",
                  ReadExport.of(Activity.class, plan.input(), Entity.ACTIVITIES)),
              plan.window());
    }
    analyse(pipeline, plan, source, customers, activities);

    RunOutcome outcome;
    try {
      outcome = PipelineRun.run(pipeline, NAME, terminal, options.getProgressIntervalSeconds());
    } finally {
      if (plan.warehouse() != null) {
        Connections.close(WarehouseUrl.parse(plan.warehouse(), terminal.environment()));
      }
    }
    outcome =
        outcome.withOutputs(
            List.of(
                new RunOutcome.Output(
                    "report", Locations.file(plan.output(), ReportFiles.REPORT).toString()),
                new RunOutcome.Output("CSV files", plan.output().toString())));
    summary(outcome).print(terminal.out(), outcome.outputs());
    return outcome;
  }

  /** The activities of {@code window} (null: all) by the day they are charted on. */
  private static PCollection<Activity> inWindow(
      PCollection<Activity> activities, DateWindow window) {
    if (window == null) {
      return activities;
    }
    return activities.apply(
        "In the window",
        Filter.by(
            (Activity a) -> {
              LocalDate day = ActivityFacts.day(a);
              return day != null && window.contains(day);
            }));
  }

  private static void analyse(
      Pipeline pipeline,
      AnalyticsPlan plan,
      String source,
      PCollection<Customer> customers,
      PCollection<Activity> activities) {
    PCollection<Customer> countedCustomers =
        customers
            .apply("Count customers", ParDo.of(new CountFn<Customer>("customers_analysed")))
            .setCoder(customers.getCoder());
    PCollection<Activity> countedActivities =
        activities
            .apply("Count activities", ParDo.of(new CountFn<Activity>("activities_analysed")))
            .setCoder(activities.getCoder());

    PCollectionView<Long> customerTotal =
        countedCustomers
            .apply("Customers", Count.globally())
            .apply("Customers view", View.asSingleton());
    PCollectionView<Long> activityTotal =
        countedActivities
            .apply("Activities", Count.globally())
            .apply("Activities view", View.asSingleton());
    PCollectionView<List<ReportData.DailyCount>> daily =
        countedActivities
            .apply("Per day per action type", new ActivitiesPerDay())
            .apply("Per day view", View.asSingleton());
    PCollectionView<List<ReportData.ScoreBand>> bands =
        countedCustomers
            .apply("By score band", new CustomersByScoreBand(plan.scoreBandWidth()))
            .apply("Bands view", View.asSingleton());
    PCollectionView<List<ReportData.CustomerActivity>> top =
        countedActivities
            .apply("Most active customers", new TopCustomers(plan.topCustomers()))
            .apply("Top view", View.asSingleton());

    pipeline
        .apply("Once", Create.of(1).withCoder(VarIntCoder.of()))
        .apply(
            "Write report",
            ParDo.of(
                    new WriteReportFn(
                        source,
                        plan.window(),
                        plan.output(),
                        customerTotal,
                        activityTotal,
                        daily,
                        bands,
                        top))
                .withSideInputs(customerTotal, activityTotal, daily, bands, top));
  }

  private static Summary summary(RunOutcome outcome) {
    Counters c = outcome.counters();
    Summary summary =
        Summary.of(NAME, outcome)
            .line(
                "analysed %,d customers and %,d activities",
                c.pipeline("customers_analysed"), c.pipeline("activities_analysed"));
    long undated = c.pipeline(ActivitiesPerDay.UNDATED);
    long anonymous = c.pipeline(TopCustomers.WITHOUT_CUSTOMER);
    long unreadable = c.pipeline(PipelineCounters.UNPARSEABLE);
    if (undated + anonymous + unreadable > 0) {
      summary.line(
          "left out: %,d activities without a date (per-day chart), %,d without a customer"
              + " (top customers), %,d unreadable export lines",
          undated, anonymous, unreadable);
    }
    if (c.formaloo(FormalooMetrics.REQUESTS) > 0) {
      summary.requests(outcome);
    }
    return summary;
  }
}
