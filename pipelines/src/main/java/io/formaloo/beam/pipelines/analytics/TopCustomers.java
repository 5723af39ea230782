package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.report.ReportData;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The {@code n} customers with the most activities, most first (ties by customer, so the list is
 * the same on every run). Activities without a customer are counted ({@code
 * activities_without_customer}) and left out.
 *
 * <p>Customers are spread over {@value #BUCKETS} buckets by their key's hash; each bucket tallies
 * its customers in a map and offers its own top {@code n}, and the overall top {@code n} is among
 * those. Keying by customer would cost the Direct runner a bundle per customer; a bucket's map
 * holds a {@value #BUCKETS}th of the customers, which even a large business's fit.
 */
final class TopCustomers
    extends PTransform<PCollection<Activity>, PCollection<List<ReportData.CustomerActivity>>> {
  private static final long serialVersionUID = 1L;

  static final String WITHOUT_CUSTOMER = "activities_without_customer";

  static final int BUCKETS = 64;

  private final int n;

  TopCustomers(int n) {
    this.n = n;
  }

  @Override
  public PCollection<List<ReportData.CustomerActivity>> expand(PCollection<Activity> activities) {
    Coder<ReportData.CustomerActivity> coder =
        SerializableCoder.of(ReportData.CustomerActivity.class);
    return activities
        .apply("One per activity", ParDo.of(new OneActivityFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("Top of each bucket", Combine.perKey(new BucketTopFn(n)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(coder)))
        .apply("Candidates", Values.create())
        .setCoder(ListCoder.of(coder))
        .apply("All candidates", Flatten.iterables())
        .setCoder(coder)
        .apply("Top " + n, Top.of(n, new ByActivities()))
        .setCoder(ListCoder.of(coder));
  }

  /** Two tallies of one customer: counts added, the name and email either one knows. */
  static ReportData.CustomerActivity merge(
      ReportData.CustomerActivity a, ReportData.CustomerActivity b) {
    return new ReportData.CustomerActivity(
        a.customer(),
        a.fullName() != null ? a.fullName() : b.fullName(),
        a.email() != null ? a.email() : b.email(),
        a.activities() + b.activities());
  }

  /** More activities first; on a tie, the customer that sorts first. */
  static final class ByActivities implements Comparator<ReportData.CustomerActivity>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(ReportData.CustomerActivity a, ReportData.CustomerActivity b) {
      int byCount = Long.compare(a.activities(), b.activities());
      return byCount != 0 ? byCount : b.customer().compareTo(a.customer());
    }
  }

  /** Tallies a bucket's customers; its output is the bucket's top {@code n}. */
  private static final class BucketTopFn
      extends Combine.CombineFn<
          ReportData.CustomerActivity,
          Map<String, ReportData.CustomerActivity>,
          List<ReportData.CustomerActivity>> {
    private static final long serialVersionUID = 1L;

    private final int n;

    BucketTopFn(int n) {
      this.n = n;
    }

    @Override
    public Map<String, ReportData.CustomerActivity> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, ReportData.CustomerActivity> addInput(
        Map<String, ReportData.CustomerActivity> tallies, ReportData.CustomerActivity one) {
      tallies.merge(one.customer(), one, TopCustomers::merge);
      return tallies;
    }

    @Override
    public Map<String, ReportData.CustomerActivity> mergeAccumulators(
        Iterable<Map<String, ReportData.CustomerActivity>> accumulators) {
      Map<String, ReportData.CustomerActivity> merged = new HashMap<>();
      for (Map<String, ReportData.CustomerActivity> tallies : accumulators) {
        tallies.forEach((k, v) -> merged.merge(k, v, TopCustomers::merge));
      }
      return merged;
    }

    @Override
    public List<ReportData.CustomerActivity> extractOutput(
        Map<String, ReportData.CustomerActivity> tallies) {
      List<ReportData.CustomerActivity> all = new ArrayList<>(tallies.values());
      all.sort(new ByActivities().reversed());
      return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    }

    @Override
    public Coder<Map<String, ReportData.CustomerActivity>> getAccumulatorCoder(
        CoderRegistry registry, Coder<ReportData.CustomerActivity> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), inputCoder);
    }
  }

  private static final class OneActivityFn
      extends DoFn<Activity, KV<Integer, ReportData.CustomerActivity>> {
    private static final long serialVersionUID = 1L;

    private final Counter withoutCustomer = PipelineCounters.counter(WITHOUT_CUSTOMER);

    @ProcessElement
    public void process(
        @Element Activity activity, OutputReceiver<KV<Integer, ReportData.CustomerActivity>> out) {
      String key = ActivityFacts.customer(activity);
      if (key == null) {
        withoutCustomer.inc();
        return;
      }
      ActivityCustomer c = activity.getCustomer();
      out.output(
          KV.of(
              Math.floorMod(key.hashCode(), BUCKETS),
              new ReportData.CustomerActivity(key, c.getFullName(), c.getEmail(), 1)));
    }
  }
}
