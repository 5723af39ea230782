package io.formaloo.beam.pipelines.metrics;

import io.formaloo.beam.io.FormalooMetrics;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The counters of a pipeline run at one moment, summed over the steps that report them, by
 * namespace and name: the connector's ({@code formaloo}), this module's ({@value #NAMESPACE}) and
 * Beam's throttled time.
 */
public final class Counters {
  /** The namespace of the counters this module's transforms report. */
  public static final String NAMESPACE = "pipelines";

  static final String FORMALOO = FormalooMetrics.NAMESPACE;

  private final Map<String, Long> values;

  private Counters(Map<String, Long> values) {
    this.values = values;
  }

  static Counters none() {
    return new Counters(Map.of());
  }

  /**
   * The counters of {@code result}: committed values where the runner has them (they count each
   * bundle once, however often it was retried), else attempted ones; attempted ones only when
   * {@code live}, for a run still under way.
   */
  public static Counters of(PipelineResult result, boolean live) {
    MetricQueryResults query;
    try {
      query = result.metrics().queryMetrics(MetricsFilter.builder().build());
    } catch (RuntimeException e) {
      // Some runners answer only once the job ended; progress then goes without counts.
      return none();
    }
    Map<String, Long> sums = new TreeMap<>();
    for (MetricResult<Long> counter : query.getCounters()) {
      Long value = live ? null : counter.getCommittedOrNull();
      if (value == null) {
        value = counter.getAttempted();
      }
      String key = key(counter.getName().getNamespace(), counter.getName().getName());
      sums.merge(key, value == null ? 0L : value, Long::sum);
    }
    return new Counters(sums);
  }

  /** A counter's value; 0 if no step reported it. */
  public long get(String namespace, String name) {
    return values.getOrDefault(key(namespace, name), 0L);
  }

  /** A counter of this module's transforms. */
  public long pipeline(String name) {
    return get(NAMESPACE, name);
  }

  /** A counter of the connector. */
  public long formaloo(String name) {
    return get(FORMALOO, name);
  }

  /** Milliseconds the pipeline's requests waited on a rate limit or a {@code Retry-After}. */
  public long throttledMillis() {
    return get(Metrics.THROTTLE_TIME_NAMESPACE, Metrics.THROTTLE_TIME_COUNTER_NAME);
  }

  /** Records read, from files and from the API. */
  public long recordsRead() {
    return pipeline(PipelineCounters.RECORDS_READ) + formaloo(FormalooMetrics.READ_RECORDS);
  }

  /** Records written, to the API and to files. */
  public long recordsWritten() {
    return formaloo(FormalooMetrics.WRITE_RECORDS_WRITTEN)
        + pipeline(PipelineCounters.RECORDS_EXPORTED);
  }

  /** Records that failed: refused by the API, or input that could not be parsed. */
  public long recordsFailed() {
    return formaloo(FormalooMetrics.WRITE_RECORDS_FAILED) + pipeline(PipelineCounters.UNPARSEABLE);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
