package io.formaloo.beam.pipelines.records;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * An Avro record of an export (Avro or Parquet, the API's field names) as the model record it was
 * written from: the reverse of {@link RecordToAvroFn}.
 *
 * @param <T> the model class
 */
public final class ApiRecordFn<T> implements SerializableFunction<GenericRecord, T> {
  private static final long serialVersionUID = 1L;

  private final SchemaCoder<T> coder;
  private final Schema apiSchema;

  public ApiRecordFn(Class<T> type) {
    this.coder = RecordSchemas.coder(type);
    this.apiSchema = RecordSchemas.api(type);
  }

  @Override
  public T apply(GenericRecord record) {
    return coder
        .getFromRowFunction()
        .apply(ApiRows.toModel(AvroUtils.toBeamRowStrict(record, apiSchema), coder.getSchema()));
  }
}
