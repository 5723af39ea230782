package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.ModelJson;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.TimestampedValue;

/** A record's weight in a batch: the bytes of its request body. */
final class RequestBytes<T> implements SerializableFunction<TimestampedValue<T>, Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public Long apply(TimestampedValue<T> record) {
    return (long) ModelJson.toRequestJsonBytes(record.getValue()).length;
  }
}
