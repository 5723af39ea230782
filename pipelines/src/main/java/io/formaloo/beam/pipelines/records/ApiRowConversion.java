package io.formaloo.beam.pipelines.records;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.values.Row;

/**
 * A model class's records as Beam rows under the API's field names ({@code full_name}, {@code
 * customer_data}, enumerations as the API's text), and back: the rows the schema transforms hand to
 * Python and YAML, with the columns the export's files have.
 *
 * @param <T> the model class
 */
public final class ApiRowConversion<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SchemaCoder<T> coder;
  private final Schema apiSchema;

  private ApiRowConversion(Class<T> type) {
    this.coder = RecordSchemas.coder(type);
    this.apiSchema = RecordSchemas.api(type);
  }

  public static <T> ApiRowConversion<T> of(Class<T> type) {
    return new ApiRowConversion<>(type);
  }

  /** The rows' schema: the model's, under the API's names. */
  public Schema apiSchema() {
    return apiSchema;
  }

  public Row toApiRow(T record) {
    return ApiRows.toApi(coder.getToRowFunction().apply(record), apiSchema);
  }

  /**
   * The record of a row of {@link #apiSchema()}.
   *
   * @throws IllegalArgumentException when a value does not fit the model (an unknown enumeration
   *     value)
   */
  public T fromApiRow(Row apiRow) {
    return coder.getFromRowFunction().apply(ApiRows.toModel(apiRow, coder.getSchema()));
  }
}
