package io.formaloo.beam.pipelines;

import io.formaloo.beam.io.read.RecordKeys;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one record of each {@link RecordKeys} key: the duplicates that a list read while it changes
 * yields, as records slide between pages.
 *
 * <p>The connector's reads can do this themselves ({@code Distinct} by record key, their default),
 * but grouping by each record's own key costs the Direct runner a bundle per record, about 8 ms
 * each: 40 s for 5,000 activities that read in half a second. Grouping into {@value #BUCKETS}
 * buckets by the key's hash, and dropping duplicates within a bucket, gives the same result on
 * every runner for the price of {@value #BUCKETS} bundles. The pipelines read with {@code
 * withoutDeduplication()} and apply this instead.
 *
 * @param <T> the model class
 */
final class DropDuplicates<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  /** Enough groups to spread over a cluster's workers; few enough for the Direct runner. */
  static final int BUCKETS = 64;

  @Override
  public PCollection<T> expand(PCollection<T> records) {
    Coder<T> coder = records.getCoder();
    RecordKeys<T> identity = new RecordKeys<>();
    return records
        .apply(
            "Bucket by identity",
            WithKeys.of((T r) -> Math.floorMod(identity.apply(r).hashCode(), BUCKETS))
                .withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("Group buckets", GroupByKey.create())
        .setCoder(KvCoder.of(VarIntCoder.of(), IterableCoder.of(coder)))
        .apply("First of each", ParDo.of(new FirstOfEachFn<>(identity)))
        .setCoder(coder);
  }

  private static final class FirstOfEachFn<T> extends DoFn<KV<Integer, Iterable<T>>, T> {
    private static final long serialVersionUID = 1L;

    private final RecordKeys<T> identity;

    FirstOfEachFn(RecordKeys<T> identity) {
      this.identity = identity;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<T>> bucket, OutputReceiver<T> out) {
      Set<String> seen = new HashSet<>();
      for (T record : bucket.getValue()) {
        if (seen.add(identity.apply(record))) {
          out.output(record);
        }
      }
    }
  }
}
