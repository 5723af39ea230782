package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TimestampedValue.TimestampedValueCoder;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The batching used where {@code GroupIntoBatches} cannot run (Spark): batches of a shard by count
 * and bytes, every record in exactly one.
 */
class BatchAfterGroupByKeyTest {
  /** A record's weight here: its length. */
  private static final SerializableFunction<TimestampedValue<String>, Long> LENGTH =
      r -> (long) r.getValue().length();

  @Test
  void aShardIsCutIntoBatchesOfAtMostTheSize() {
    assertBatchSizes(records(10, "x"), 4, 1_000, List.of(2, 4, 4));
  }

  @Test
  void aBatchEndsBeforeARecordThatWouldTakeItPastTheBytes() {
    // Records of 3 bytes under a limit of 7: two fit, the third starts the next batch.
    assertBatchSizes(records(5, "abc"), 100, 7, List.of(1, 2, 2));
  }

  @Test
  void aRecordHeavierThanTheBytesGoesAlone() {
    // (A shard's records come out of the GroupByKey in any order: each heavy one goes alone.)
    assertBatchSizes(records(3, "a record over five bytes"), 100, 5, List.of(1, 1, 1));
  }

  @Test
  void onlyTheSparkRunnersNeedIt() {
    Pipeline direct = Pipeline.create();
    assertThat(BatchAfterGroupByKey.needed(direct), is(false));
  }

  private static List<String> records(int n, String value) {
    return IntStream.range(0, n).mapToObj(i -> value).collect(Collectors.toList());
  }

  /**
   * Runs the batching of one shard holding {@code values}; its batches' sizes, smallest first, are
   * {@code expected} (the order the batches reach the assertion in is the runner's).
   */
  private static void assertBatchSizes(
      List<String> values, long size, long bytes, List<Integer> expected) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    List<KV<Integer, TimestampedValue<String>>> in = new ArrayList<>();
    for (String v : values) {
      in.add(KV.of(1, TimestampedValue.of(v, new Instant(0))));
    }
    PCollection<KV<Integer, Iterable<TimestampedValue<String>>>> batches =
        p.apply(
                Create.of(in)
                    .withCoder(
                        KvCoder.of(
                            VarIntCoder.of(), TimestampedValueCoder.of(StringUtf8Coder.of()))))
            .apply(new BatchAfterGroupByKey<>(size, bytes, LENGTH));
    PAssert.that(batches)
        .satisfies(
            all -> {
              List<Integer> sizes = new ArrayList<>();
              for (KV<Integer, Iterable<TimestampedValue<String>>> batch : all) {
                sizes.add(
                    (int) StreamSupport.stream(batch.getValue().spliterator(), false).count());
              }
              sizes.sort(null);
              assertThat(sizes, is(expected));
              return null;
            });
    p.run().waitUntilFinish();
  }
}
