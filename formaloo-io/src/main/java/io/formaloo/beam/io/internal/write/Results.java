package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import org.joda.time.Instant;

/**
 * Where a write's outcomes go, each at the timestamp of its input record, counted as they go.
 * Everything that ends a record's journey goes through here, so that no record is dropped
 * unaccounted.
 */
final class Results {
  /** Emits outcomes: to a DoFn's outputs, or to a buffer flushed at the end of the bundle. */
  interface Emitter {
    void written(WrittenRecord record, Instant timestamp);

    void failed(FailedRecord record, Instant timestamp);
  }

  private final Emitter emitter;
  private final WriteMetrics metrics;

  Results(Emitter emitter, WriteMetrics metrics) {
    this.emitter = emitter;
    this.metrics = metrics;
  }

  void written(WrittenRecord record, Instant timestamp) {
    metrics.written.inc();
    if (record.getAttempts() > 1) {
      metrics.retried.inc();
    }
    emitter.written(record, timestamp);
  }

  void failed(FailedRecord record, Instant timestamp) {
    metrics.failed.inc();
    if (record.getAttempts() > 1) {
      metrics.retried.inc();
    }
    emitter.failed(record, timestamp);
  }
}
