package io.formaloo.beam.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Collects a PCollection's elements into this JVM for assertions after the pipeline ran, when the
 * emulator's final state is known too. Works on the Direct runner, which runs in the test's JVM.
 */
public final class CollectedOutput<T> {
  private static final Map<String, ConcurrentLinkedQueue<Object>> SINKS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  private CollectedOutput() {
    SINKS.put(id, new ConcurrentLinkedQueue<>());
  }

  public static <T> CollectedOutput<T> of(PCollection<T> collection) {
    CollectedOutput<T> output = new CollectedOutput<>();
    collection.apply("Collect " + output.id, ParDo.of(new CollectFn<T>(output.id)));
    return output;
  }

  /** Every element, as many times as it was output. */
  @SuppressWarnings("unchecked")
  public List<T> elements() {
    return new ArrayList<>((ConcurrentLinkedQueue<T>) (ConcurrentLinkedQueue<?>) SINKS.get(id));
  }

  private static final class CollectFn<T> extends DoFn<T, Void> {
    private static final long serialVersionUID = 1L;
    private final String id;

    CollectFn(String id) {
      this.id = id;
    }

    @ProcessElement
    public void process(@Element T element) {
      SINKS.get(id).add(element);
    }
  }
}
