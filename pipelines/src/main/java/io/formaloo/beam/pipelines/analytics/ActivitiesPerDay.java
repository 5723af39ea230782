package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.report.ReportData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Counts activities per day (UTC) per action type, as one list. Activities with no date at all are
 * counted ({@code activities_undated}) and left out.
 */
final class ActivitiesPerDay
    extends PTransform<PCollection<Activity>, PCollection<List<ReportData.DailyCount>>> {
  private static final long serialVersionUID = 1L;

  static final String UNDATED = "activities_undated";

  /** Between a day and an action type in a key; no title holds it. */
  private static final String SEPARATOR = "\u0000";

  @Override
  public PCollection<List<ReportData.DailyCount>> expand(PCollection<Activity> activities) {
    return activities
        .apply("Day and type", ParDo.of(new DayAndTypeFn()))
        .setCoder(StringUtf8Coder.of())
        .apply("Count", Combine.globally(new CountByKeyFn()))
        .setCoder(CountByKeyFn.coder())
        .apply(
            "As counts",
            MapElements.into(TypeDescriptors.lists(TypeDescriptor.of(ReportData.DailyCount.class)))
                .via(ActivitiesPerDay::counts))
        .setCoder(ListCoder.of(SerializableCoder.of(ReportData.DailyCount.class)));
  }

  private static List<ReportData.DailyCount> counts(Map<String, Long> byKey) {
    List<ReportData.DailyCount> counts = new ArrayList<>();
    byKey.forEach(
        (key, n) -> {
          int at = key.indexOf(SEPARATOR);
          counts.add(new ReportData.DailyCount(key.substring(0, at), key.substring(at + 1), n));
        });
    return counts;
  }

  private static final class DayAndTypeFn extends DoFn<Activity, String> {
    private static final long serialVersionUID = 1L;

    private final Counter undated = PipelineCounters.counter(UNDATED);

    @ProcessElement
    public void process(@Element Activity activity, OutputReceiver<String> out) {
      LocalDate day = ActivityFacts.day(activity);
      if (day == null) {
        undated.inc();
        return;
      }
      out.output(day + SEPARATOR + ActivityFacts.actionType(activity));
    }
  }
}
