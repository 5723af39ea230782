package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * Checks each record before any request: a record that fails goes straight to the failure output
 * with the reasons; one that passes is prepared (an activity gets its stable slug) and keyed to its
 * customer's shard, carrying its timestamp through the batching.
 */
final class ValidateFn<T> extends DoFn<T, KV<Integer, TimestampedValue<T>>> {
  private static final long serialVersionUID = 1L;

  private final WriteTarget<T> target;
  private final int shards;
  private final TupleTag<KV<Integer, TimestampedValue<T>>> validTag;
  private final TupleTag<FailedRecord> invalidTag;
  private transient WriteMetrics metrics;

  ValidateFn(
      WriteTarget<T> target,
      int shards,
      TupleTag<KV<Integer, TimestampedValue<T>>> validTag,
      TupleTag<FailedRecord> invalidTag) {
    this.target = target;
    this.shards = shards;
    this.validTag = validTag;
    this.invalidTag = invalidTag;
  }

  @Setup
  public void setup() {
    metrics = new WriteMetrics();
  }

  @ProcessElement
  public void process(@Element T record, @Timestamp Instant timestamp, MultiOutputReceiver out) {
    FieldProblems problems = target.check(record);
    if (!problems.isEmpty()) {
      metrics.invalid.inc();
      metrics.failed.inc();
      out.get(invalidTag)
          .output(
              target
                  .failureOf(record)
                  .setKind(FailureKind.INVALID)
                  .setError("not sent: " + problems.summary())
                  .setFieldErrorsJson(problems.toJson())
                  .build());
      return;
    }
    T prepared = target.prepare(record);
    int shard = Shards.of(target.customerIdentity(prepared), shards);
    out.get(validTag).output(KV.of(shard, TimestampedValue.of(prepared, timestamp)));
  }
}
