package io.formaloo.beam.pipelines.analytics;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Counts elements per key in one map, for aggregates with few keys (days × action types, score
 * bands): a global combine, which every runner pre-aggregates where the data is, instead of a
 * grouping by key, which costs the Direct runner a bundle per key.
 */
final class CountByKeyFn extends Combine.CombineFn<String, Map<String, Long>, Map<String, Long>> {
  private static final long serialVersionUID = 1L;

  @Override
  public Map<String, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Long> addInput(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
    return counts;
  }

  @Override
  public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
    Map<String, Long> merged = new HashMap<>();
    for (Map<String, Long> counts : accumulators) {
      counts.forEach((k, v) -> merged.merge(k, v, Long::sum));
    }
    return merged;
  }

  @Override
  public Map<String, Long> extractOutput(Map<String, Long> counts) {
    return counts;
  }

  @Override
  public Coder<Map<String, Long>> getAccumulatorCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return coder();
  }

  @Override
  public Coder<Map<String, Long>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return coder();
  }

  static Coder<Map<String, Long>> coder() {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }
}
