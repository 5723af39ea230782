package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.read.ListQuery;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The read's data flow, for any list: {@code queries → spread across workers → each list read whole
 * by a cursor (see ListCursor) → records}, and what could not be read to the error handler. Built
 * by {@code FormalooIO}'s reads; use those rather than this.
 *
 * @param <T> the records of the lists
 */
public final class ReadListPages<T> extends PTransform<PCollection<ListQuery<T>>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final FormalooConfig config;
  private final Class<T> recordClass;
  private final ReadOptions options;
  private final @Nullable ErrorHandler<BadRecord, ?> errorHandler;

  /** This read's client in each JVM, shared by its {@code DoFn}s: see {@link ReadClients}. */
  private final String clientKey = ReadClients.newKey();

  public ReadListPages(
      FormalooConfig config,
      Class<T> recordClass,
      ReadOptions options,
      @Nullable ErrorHandler<BadRecord, ?> errorHandler) {
    this.config = config;
    this.recordClass = recordClass;
    this.options = options;
    this.errorHandler = errorHandler;
  }

  @Override
  public PCollection<T> expand(PCollection<ListQuery<T>> queries) {
    TupleTag<T> records = new TupleTag<T>() {};
    TupleTag<BadRecord> failures = new TupleTag<BadRecord>() {};
    PCollectionTuple read =
        queries
            .apply("Spread queries", Reshuffle.viaRandomKey())
            .apply(
                "Read lists",
                ParDo.of(
                        new ReadListFn<>(
                            clientKey,
                            config,
                            options,
                            records,
                            errorHandler == null ? null : failures))
                    .withOutputTags(records, TupleTagList.of(failures)));
    PCollection<BadRecord> unread =
        read.get(failures).setCoder(BadRecord.getCoder(queries.getPipeline()));
    if (errorHandler != null) {
      errorHandler.addErrorCollection(unread);
    }
    return read.get(records).setCoder(recordCoder(queries));
  }

  private Coder<T> recordCoder(PCollection<?> input) {
    try {
      return input.getPipeline().getSchemaRegistry().getSchemaCoder(recordClass);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(recordClass.getName() + " has no Beam schema", e);
    }
  }
}
