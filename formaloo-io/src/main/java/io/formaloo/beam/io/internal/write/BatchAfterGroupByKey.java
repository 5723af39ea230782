package io.formaloo.beam.io.internal.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;

/**
 * Batches of a bounded input without state or timers: a {@code GroupByKey} per shard, then each
 * shard's records cut into batches of at most {@code size} records and {@code bytes} bytes (a
 * record heavier than {@code bytes} goes alone), as {@code GroupIntoBatches} cuts them. For runners
 * that cannot run {@code GroupIntoBatches}: Beam's SparkRunner rejects its
 * {@code @OnWindowExpiration}. A bounded input's window ends once, so nothing waits longer than
 * with {@code GroupIntoBatches}, which also flushes its last batches only then.
 */
final class BatchAfterGroupByKey<T>
    extends PTransform<
        PCollection<KV<Integer, TimestampedValue<T>>>,
        PCollection<KV<Integer, Iterable<TimestampedValue<T>>>>> {
  private static final long serialVersionUID = 1L;

  /** Runners (by class name) that run no {@code @OnWindowExpiration}. */
  private static final Set<String> WITHOUT_WINDOW_EXPIRATION =
      Set.of("SparkRunner", "TestSparkRunner", "SparkStructuredStreamingRunner");

  private final long size;
  private final long bytes;
  private final SerializableFunction<TimestampedValue<T>, Long> weigher;

  BatchAfterGroupByKey(
      long size, long bytes, SerializableFunction<TimestampedValue<T>, Long> weigher) {
    this.size = size;
    this.bytes = bytes;
    this.weigher = weigher;
  }

  /** Whether {@code pipeline} runs on a runner that cannot run {@code GroupIntoBatches}. */
  static boolean needed(Pipeline pipeline) {
    return WITHOUT_WINDOW_EXPIRATION.contains(pipeline.getOptions().getRunner().getSimpleName());
  }

  @Override
  public PCollection<KV<Integer, Iterable<TimestampedValue<T>>>> expand(
      PCollection<KV<Integer, TimestampedValue<T>>> records) {
    return records
        .apply("Group by shard", GroupByKey.create())
        .apply("Cut into batches", ParDo.of(new CutFn<>(size, bytes, weigher)));
  }

  private static final class CutFn<T>
      extends DoFn<
          KV<Integer, Iterable<TimestampedValue<T>>>, KV<Integer, Iterable<TimestampedValue<T>>>> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long bytes;
    private final SerializableFunction<TimestampedValue<T>, Long> weigher;

    CutFn(long size, long bytes, SerializableFunction<TimestampedValue<T>, Long> weigher) {
      this.size = size;
      this.bytes = bytes;
      this.weigher = weigher;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<TimestampedValue<T>>> shard,
        OutputReceiver<KV<Integer, Iterable<TimestampedValue<T>>>> out) {
      List<TimestampedValue<T>> batch = new ArrayList<>();
      long batchBytes = 0;
      for (TimestampedValue<T> record : shard.getValue()) {
        long weight = weigher.apply(record);
        if (!batch.isEmpty() && batchBytes + weight > bytes) {
          out.output(KV.of(shard.getKey(), batch));
          batch = new ArrayList<>();
          batchBytes = 0;
        }
        batch.add(record);
        batchBytes += weight;
        if (batch.size() >= size) {
          out.output(KV.of(shard.getKey(), batch));
          batch = new ArrayList<>();
          batchBytes = 0;
        }
      }
      if (!batch.isEmpty()) {
        out.output(KV.of(shard.getKey(), batch));
      }
    }
  }
}
