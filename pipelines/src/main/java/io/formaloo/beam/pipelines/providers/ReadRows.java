package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.pipelines.records.ApiRowConversion;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/** A FormalooIO read as a schema transform: its records out as rows under the API's names. */
final class ReadRows<T> extends SchemaTransform {
  private static final long serialVersionUID = 1L;

  /** The one output of every read. */
  static final String OUTPUT = "output";

  private final PTransform<PBegin, PCollection<T>> read;
  private final ApiRowConversion<T> rows;

  ReadRows(PTransform<PBegin, PCollection<T>> read, Class<T> type) {
    this.read = read;
    this.rows = ApiRowConversion.of(type);
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple input) {
    ApiRowConversion<T> conversion = rows;
    PCollection<Row> output =
        input
            .getPipeline()
            .apply("Read", read)
            .apply(
                "To rows",
                MapElements.into(TypeDescriptors.rows()).via(record -> conversion.toApiRow(record)))
            .setRowSchema(conversion.apiSchema());
    return PCollectionRowTuple.of(OUTPUT, output);
  }
}
