package io.formaloo.beam.pipelines.metrics;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** The names of the counters this module's transforms report, in {@link Counters#NAMESPACE}. */
public final class PipelineCounters {
  /** Records parsed from input files. */
  public static final String RECORDS_READ = "records_read";

  /** Input lines or rows that could not be parsed into a record. */
  public static final String UNPARSEABLE = "input_unparseable";

  /** Records written to export files. */
  public static final String RECORDS_EXPORTED = "records_exported";

  private PipelineCounters() {}

  public static Counter counter(String name) {
    return Metrics.counter(Counters.NAMESPACE, name);
  }

  /** A per-entity counter, e.g. {@code customers_written}. */
  public static Counter counter(String entity, String what) {
    return Metrics.counter(Counters.NAMESPACE, entity + "_" + what);
  }
}
