package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.CustomerBatchImport;
import java.util.List;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One running bulk import job: its rows, where it is, and when to poll it next. */
final class ImportJob {
  final FormalooClient client;
  final int shard;
  final List<TimestampedValue<Customer>> rows;

  /** 1 for a batch's first job, 2 for the one that retries it. */
  final int attempt;

  final String slug;
  final long deadlineNanos;
  private final BackOff backoff;
  private final long maxPollNanos;

  long nextPollNanos;
  CustomerBatchImport.@Nullable Status lastStatus;

  ImportJob(
      FormalooClient client,
      int shard,
      List<TimestampedValue<Customer>> rows,
      int attempt,
      String slug,
      CustomerBatchImport.@Nullable Status status,
      long deadlineNanos,
      BackOff backoff,
      long maxPollNanos) {
    this.client = client;
    this.shard = shard;
    this.rows = rows;
    this.attempt = attempt;
    this.slug = slug;
    this.lastStatus = status;
    this.deadlineNanos = deadlineNanos;
    this.backoff = backoff;
    this.maxPollNanos = maxPollNanos;
  }

  /** Sets the next poll after {@code now}: the backoff's next wait, but never past the deadline. */
  void scheduleAfter(long now) {
    long millis = backoff.nextBackOffMillis();
    long waitNanos = millis == BackOff.STOP ? maxPollNanos : millis * 1_000_000L;
    nextPollNanos = Math.min(now + waitNanos, deadlineNanos);
  }

  boolean isPastDeadline(long now) {
    return now - deadlineNanos >= 0;
  }
}
