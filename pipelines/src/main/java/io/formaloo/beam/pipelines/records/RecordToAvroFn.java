package io.formaloo.beam.pipelines.records;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * A model record as an Avro record with the API's field names ({@link ApiRows}).
 *
 * @param <T> the model class
 */
public final class RecordToAvroFn<T> implements SerializableFunction<T, GenericRecord> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<T, Row> toRow;
  private final Schema apiSchema;
  private final String avroSchemaJson;
  private transient org.apache.avro.Schema avroSchema;

  public RecordToAvroFn(
      SerializableFunction<T, Row> toRow, Schema apiSchema, org.apache.avro.Schema avroSchema) {
    this.toRow = toRow;
    this.apiSchema = apiSchema;
    this.avroSchemaJson = avroSchema.toString();
  }

  @Override
  public GenericRecord apply(T record) {
    if (avroSchema == null) {
      avroSchema = new org.apache.avro.Schema.Parser().parse(avroSchemaJson);
    }
    return AvroUtils.toGenericRecord(ApiRows.toApi(toRow.apply(record), apiSchema), avroSchema);
  }
}
