package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.FormalooClient;
import org.apache.beam.sdk.values.TimestampedValue;

/**
 * Writes one record with one request (retried by the client's policy) and reports the outcome.
 *
 * @param <T> the record type
 */
interface RecordWriter<T> {
  /**
   * Sends {@code record} and reports it written or failed to {@code results}.
   *
   * @throws io.formaloo.beam.io.client.FormalooException only for a configuration error, which
   *     fails the pipeline
   */
  void write(FormalooClient client, TimestampedValue<T> record, Results results);
}
