package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TimestampedValue.TimestampedValueCoder;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The write's data flow: {@code records → one window → check (bad ones to the failures) → key by
 * customer into N shards → GroupIntoBatches (count, bytes, max buffering time) → write each batch
 * (one by one, or one bulk import job) → the input's windowing again}. Built by {@code
 * FormalooIO}'s writes; use those rather than this.
 *
 * <p>Its output holds {@link #WRITTEN} and {@link #FAILED}.
 *
 * @param <T> the records written
 */
public final class WriteRecords<T> extends PTransform<PCollection<T>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** The records that landed. */
  public static final TupleTag<WrittenRecord> WRITTEN = new TupleTag<WrittenRecord>("written") {};

  /** The records that did not. */
  public static final TupleTag<FailedRecord> FAILED = new TupleTag<FailedRecord>("failed") {};

  private final WriteTarget<T> target;
  private final WriteSettings settings;
  private final @Nullable ErrorHandler<BadRecord, ?> errorHandler;

  public WriteRecords(
      WriteTarget<T> target,
      WriteSettings settings,
      @Nullable ErrorHandler<BadRecord, ?> errorHandler) {
    this.target = target;
    this.settings = settings;
    this.errorHandler = errorHandler;
  }

  @Override
  public PCollectionTuple expand(PCollection<T> records) {
    WindowingStrategy<?, ?> inputWindowing = records.getWindowingStrategy();
    Coder<T> recordCoder = records.getCoder();
    Coder<WrittenRecord> writtenCoder = schemaCoder(records, WrittenRecord.class);
    Coder<FailedRecord> failedCoder = schemaCoder(records, FailedRecord.class);
    Coder<TimestampedValue<T>> valueCoder = TimestampedValueCoder.of(recordCoder);

    TupleTag<KV<Integer, TimestampedValue<T>>> valid =
        new TupleTag<KV<Integer, TimestampedValue<T>>>("valid") {};
    TupleTag<FailedRecord> invalid = new TupleTag<FailedRecord>("invalid") {};
    // Batches form in one window, so that the write works under any windowing, merging windows
    // included; the results get the input's windows back at the end. Most inputs (every bounded
    // one that is not windowed) are in the global window already.
    boolean global = inputWindowing.getWindowFn() instanceof GlobalWindows;
    PCollection<T> oneWindow =
        global ? records : records.apply("One window", Window.<T>into(new GlobalWindows()));
    PCollectionTuple checked =
        oneWindow.apply(
            "Check records",
            ParDo.of(new ValidateFn<>(target, settings.shards(), valid, invalid))
                .withOutputTags(valid, TupleTagList.of(invalid)));
    checked.get(invalid).setCoder(failedCoder);

    GroupIntoBatches<Integer, TimestampedValue<T>> batching =
        GroupIntoBatches.<Integer, TimestampedValue<T>>ofSize(settings.batchSize())
            .withByteSize(settings.maxBatchBytes(), new RequestBytes<T>());
    if (records.isBounded() == IsBounded.UNBOUNDED) {
      // A stream's trickle must not wait for a batch to fill. A bounded input needs no timer: its
      // last batches go when its window ends, and an event-time hold keeps their results on time.
      batching =
          batching.withMaxBufferingDuration(
              Duration.millis(settings.maxBufferingDuration().toMillis()));
    }
    PCollection<KV<Integer, TimestampedValue<T>>> keyed =
        checked.get(valid).setCoder(KvCoder.of(VarIntCoder.of(), valueCoder));
    // The same batches without GroupIntoBatches where a runner cannot run it (Spark).
    PCollection<KV<Integer, Iterable<TimestampedValue<T>>>> batches =
        records.isBounded() == IsBounded.BOUNDED
                && BatchAfterGroupByKey.needed(records.getPipeline())
            ? keyed.apply(
                "Batch by shard",
                new BatchAfterGroupByKey<T>(
                    settings.batchSize(), settings.maxBatchBytes(), new RequestBytes<T>()))
            : keyed.apply("Batch by shard", batching);
    batches.setCoder(KvCoder.of(VarIntCoder.of(), IterableCoder.of(valueCoder)));

    TupleTag<WrittenRecord> writtenTag = new TupleTag<WrittenRecord>("written") {};
    TupleTag<FailedRecord> failedTag = new TupleTag<FailedRecord>("failed") {};
    PCollectionTuple outcomes =
        batches.apply(
            "Write batches",
            ParDo.of(new WriteBatchFn<>(target, settings, writtenTag, failedTag))
                .withOutputTags(writtenTag, TupleTagList.of(failedTag)));
    outcomes.get(writtenTag).setCoder(writtenCoder);
    outcomes.get(failedTag).setCoder(failedCoder);

    PCollection<WrittenRecord> written = outcomes.get(writtenTag);
    PCollection<FailedRecord> failed =
        PCollectionList.of(checked.get(invalid))
            .and(outcomes.get(failedTag))
            .apply("All failures", Flatten.pCollections())
            .setCoder(failedCoder);
    if (!global) {
      written =
          written
              .apply("Windowing of written", new RestoreWindowing<>(inputWindowing))
              .setCoder(writtenCoder);
      failed =
          failed
              .apply("Windowing of failed", new RestoreWindowing<>(inputWindowing))
              .setCoder(failedCoder);
    }

    if (errorHandler != null) {
      errorHandler.addErrorCollection(
          failed
              .apply("As bad records", ParDo.of(new ToBadRecordFn<>(target, recordCoder)))
              .setCoder(BadRecord.getCoder(records.getPipeline())));
    }
    return PCollectionTuple.of(WRITTEN, written).and(FAILED, failed);
  }

  private static <X> Coder<X> schemaCoder(PCollection<?> input, Class<X> type) {
    SchemaRegistry registry = input.getPipeline().getSchemaRegistry();
    try {
      return registry.getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(type.getSimpleName() + " has no Beam schema", e);
    }
  }
}
