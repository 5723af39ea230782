package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import io.formaloo.beam.pipelines.records.ApiRowConversion;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.providers.ErrorHandling;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A FormalooIO write as a schema transform: rows in (any of the entity's fields, under the API's
 * names); out, {@value #WRITTEN} (what the API confirmed) and, under the name {@code
 * error_handling} gives, each row that did not land with why ({@code failed_row}, {@code
 * error_message}): rows that do not make a record and records the API refused alike. Without {@code
 * error_handling}, the first failure fails the pipeline: nothing is dropped silently.
 */
final class WriteRows<T> extends SchemaTransform {
  private static final long serialVersionUID = 1L;

  /** The input of every write. */
  static final String INPUT = "input";

  /** The output of the records written. */
  static final String WRITTEN = "written";

  private final FormalooIO.Write<T> write;
  private final Class<T> type;
  private final String entity;
  private final SerializableFunction<FailedRecord, @Nullable T> recordOfFailure;
  private final @Nullable String errorOutput;

  WriteRows(
      FormalooIO.Write<T> write,
      Class<T> type,
      String entity,
      SerializableFunction<FailedRecord, @Nullable T> recordOfFailure,
      @Nullable String errorOutput) {
    this.write = write;
    this.type = type;
    this.entity = entity;
    this.recordOfFailure = recordOfFailure;
    this.errorOutput = errorOutput;
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple input) {
    if (!input.has(INPUT)) {
      throw new IllegalArgumentException(
          "a write of " + entity + " takes one input named \"" + INPUT + "\"");
    }
    PCollection<Row> rows = input.get(INPUT);
    ApiRowConversion<T> conversion = ApiRowConversion.of(type);
    InputRows inputRows = InputRows.check(rows.getSchema(), conversion.apiSchema(), entity);
    Schema errorSchema = ErrorHandling.errorSchema(rows.getSchema());

    TupleTag<T> records = new TupleTag<>() {};
    TupleTag<Row> unconvertible = new TupleTag<>() {};
    PCollectionTuple converted =
        rows.apply(
            "To records",
            ParDo.of(new ToRecordFn<>(inputRows, conversion, errorSchema, records, unconvertible))
                .withOutputTags(records, TupleTagList.of(unconvertible)));
    FormalooIO.Write.Result result =
        converted.get(records).setCoder(RecordSchemas.coder(type)).apply("Write", write);

    ApiRowConversion<WrittenRecord> writtenRows = ApiRowConversion.of(WrittenRecord.class);
    PCollection<Row> written =
        result
            .getWritten()
            .apply(
                "Written rows",
                MapElements.into(TypeDescriptors.rows()).via(w -> writtenRows.toApiRow(w)))
            .setRowSchema(writtenRows.apiSchema());
    SerializableFunction<FailedRecord, @Nullable T> recordOf = recordOfFailure;
    PCollection<Row> refused =
        result
            .getFailed()
            .apply(
                "Failed rows",
                MapElements.into(TypeDescriptors.rows())
                    .via(
                        failure -> errorRow(errorSchema, inputRows, conversion, recordOf, failure)))
            .setRowSchema(errorSchema);
    PCollection<Row> errors =
        PCollectionList.of(converted.get(unconvertible).setRowSchema(errorSchema))
            .and(refused)
            .apply("Failures", Flatten.pCollections())
            .setRowSchema(errorSchema);

    PCollectionRowTuple outputs = PCollectionRowTuple.of(WRITTEN, written);
    if (errorOutput != null) {
      return outputs.and(errorOutput, errors);
    }
    errors.apply("Fail on a failure", ParDo.of(new FailOnErrorFn(entity)));
    return outputs;
  }

  private static <T> Row errorRow(
      Schema errorSchema,
      InputRows inputRows,
      ApiRowConversion<T> conversion,
      SerializableFunction<FailedRecord, @Nullable T> recordOf,
      FailedRecord failure) {
    T record = recordOf.apply(failure);
    Row failedRow =
        record == null
            ? Row.nullRow(inputRows.inputSchema())
            : inputRows.toInputRow(conversion.toApiRow(record));
    return Row.withSchema(errorSchema).addValues(failedRow, message(failure)).build();
  }

  /** What went wrong, as a person reads it: the kind, the HTTP status, the API's words. */
  static String message(FailedRecord failure) {
    StringBuilder message = new StringBuilder(failure.getKind().name());
    if (failure.getStatus() > 0) {
      message.append(" (HTTP ").append(failure.getStatus()).append(')');
    }
    message.append(": ").append(failure.getError());
    if (failure.getFieldErrorsJson() != null) {
      message.append(' ').append(failure.getFieldErrorsJson());
    }
    return message.toString();
  }

  /** Each input row as a record, or as an error row when its values do not make one. */
  private static final class ToRecordFn<T> extends DoFn<Row, T> {
    private final InputRows inputRows;
    private final ApiRowConversion<T> conversion;
    private final Schema errorSchema;
    private final TupleTag<T> records;
    private final TupleTag<Row> unconvertible;

    ToRecordFn(
        InputRows inputRows,
        ApiRowConversion<T> conversion,
        Schema errorSchema,
        TupleTag<T> records,
        TupleTag<Row> unconvertible) {
      this.inputRows = inputRows;
      this.conversion = conversion;
      this.errorSchema = errorSchema;
      this.records = records;
      this.unconvertible = unconvertible;
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) {
      T record;
      try {
        record = conversion.fromApiRow(inputRows.toApiRow(row));
      } catch (RuntimeException e) {
        out.get(unconvertible)
            .output(
                Row.withSchema(errorSchema)
                    .addValues(row, "INVALID: the row does not make a record: " + e.getMessage())
                    .build());
        return;
      }
      out.get(records).output(record);
    }
  }

  /** A write without error handling fails at its first failure, saying which and why. */
  private static final class FailOnErrorFn extends DoFn<Row, Void> {
    private final String entity;

    FailOnErrorFn(String entity) {
      this.entity = entity;
    }

    @ProcessElement
    public void process(@Element Row error) {
      throw new IllegalStateException(
          "a row of the write of "
              + entity
              + " did not land, and the transform has no error_handling output to send it to: "
              + error.getString("error_message"));
    }
  }
}
