package io.formaloo.beam.pipelines.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Counts the elements that pass, in counters of {@link Counters#NAMESPACE}, and passes them on.
 *
 * @param <T> the elements
 */
public final class CountFn<T> extends DoFn<T, T> {
  private static final long serialVersionUID = 1L;

  private final List<Counter> counters;

  public CountFn(String... counterNames) {
    this.counters =
        Arrays.stream(counterNames).map(PipelineCounters::counter).collect(Collectors.toList());
  }

  @ProcessElement
  public void process(@Element T element, OutputReceiver<T> out) {
    for (Counter counter : counters) {
      counter.inc();
    }
    out.output(element);
  }
}
