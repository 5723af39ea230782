package io.formaloo.beam.io.internal.write;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.RateLimit;
import java.io.Serializable;
import java.time.Duration;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a write runs, as {@code FormalooIO.Write} was configured: shards, requests in flight, rate
 * ceiling, batching, bulk imports. {@code FormalooIO.Write} holds one, as {@code Read} holds its
 * {@code ReadOptions}: each {@code withX} checks its argument and returns new settings, and they
 * display themselves. At expansion the write binds them to its config and a writer id, and carries
 * them to the workers.
 */
@AutoValue
public abstract class WriteSettings implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The bulk import threshold that means "never". */
  public static final int NEVER = Integer.MAX_VALUE;

  static final int DEFAULT_SHARDS = 4;
  static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 16;
  static final int MAX_CONCURRENT_REQUESTS = 1_024;
  static final int DEFAULT_BATCH_SIZE = 1_000;
  static final long DEFAULT_MAX_BATCH_BYTES = 4L * 1024 * 1024;
  static final Duration DEFAULT_MAX_BUFFERING = Duration.ofSeconds(5);
  static final Duration DEFAULT_BULK_IMPORT_TIMEOUT = Duration.ofMinutes(30);

  /** The config the write runs with; null until {@link #bind} at expansion. */
  abstract @Nullable FormalooConfig config();

  /**
   * Shards: the keys batches form under, by customer. Batches of different shards can be written by
   * different workers at once; within a worker they share its {@link #maxConcurrentRequests()}.
   */
  abstract int shards();

  /**
   * Requests in flight at once for the whole write in one worker process, every shard, bundle and
   * thread included.
   */
  abstract int maxConcurrentRequests();

  /**
   * Requests per second for the whole write in one worker process (one ceiling for all its shards);
   * null: the config's ceiling, if any.
   */
  abstract @Nullable Double maxRequestsPerSecond();

  abstract int batchSize();

  abstract long maxBatchBytes();

  abstract Duration maxBufferingDuration();

  /** Batches of more records than this go to bulk import jobs; 0 always, {@link #NEVER} never. */
  abstract int bulkImportAbove();

  abstract Duration bulkImportTimeout();

  /** The first wait before polling a bulk import job; later ones grow to {@link #maxPoll()}. */
  abstract Duration firstPoll();

  abstract Duration maxPoll();

  /** Bulk import jobs one worker thread keeps running at once before it waits for one. */
  abstract int maxJobsInFlight();

  /**
   * Unique per application of the transform: which clients and write pools of a worker process
   * belong together. Null until {@link #bind} at expansion.
   */
  abstract @Nullable String writerId();

  /** The defaults, bulk importing batches of more than {@code bulkImportAbove} records. */
  public static WriteSettings defaults(int bulkImportAbove) {
    return builder()
        .shards(DEFAULT_SHARDS)
        .maxConcurrentRequests(DEFAULT_MAX_CONCURRENT_REQUESTS)
        .batchSize(DEFAULT_BATCH_SIZE)
        .maxBatchBytes(DEFAULT_MAX_BATCH_BYTES)
        .maxBufferingDuration(DEFAULT_MAX_BUFFERING)
        .bulkImportAbove(bulkImportAbove)
        .bulkImportTimeout(DEFAULT_BULK_IMPORT_TIMEOUT)
        .build();
  }

  static Builder builder() {
    return new AutoValue_WriteSettings.Builder()
        .firstPoll(Duration.ofMillis(200))
        .maxPoll(Duration.ofSeconds(10))
        .maxJobsInFlight(4);
  }

  abstract Builder toBuilder();

  /** These settings for one application of the write: its config and a writer id of its own. */
  public WriteSettings bind(FormalooConfig config, String writerId) {
    return toBuilder().config(config).writerId(writerId).build();
  }

  /** See {@code FormalooIO.Write#withShards(int)}. */
  public WriteSettings withShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("withShards(shards) must be positive, got " + shards);
    }
    return toBuilder().shards(shards).build();
  }

  /** See {@code FormalooIO.Write#withMaxConcurrentRequests(int)}. */
  public WriteSettings withMaxConcurrentRequests(int max) {
    if (max < 1 || max > MAX_CONCURRENT_REQUESTS) {
      throw new IllegalArgumentException(
          "withMaxConcurrentRequests(max) must be in [1, "
              + MAX_CONCURRENT_REQUESTS
              + "] (a thread each), got "
              + max);
    }
    return toBuilder().maxConcurrentRequests(max).build();
  }

  /** See {@code FormalooIO.Write#withMaxRequestsPerSecond(double)}. */
  public WriteSettings withMaxRequestsPerSecond(double requestsPerSecond) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "withMaxRequestsPerSecond(requestsPerSecond) must be positive and finite, got "
              + requestsPerSecond);
    }
    return toBuilder().maxRequestsPerSecond(requestsPerSecond).build();
  }

  /** See {@code FormalooIO.Write#withBatchSize(int)}. */
  public WriteSettings withBatchSize(int records) {
    if (records < 1) {
      throw new IllegalArgumentException("withBatchSize(records) must be positive, got " + records);
    }
    return toBuilder().batchSize(records).build();
  }

  /** See {@code FormalooIO.Write#withMaxBatchBytes(long)}. */
  public WriteSettings withMaxBatchBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("withMaxBatchBytes(bytes) must be positive, got " + bytes);
    }
    return toBuilder().maxBatchBytes(bytes).build();
  }

  /** See {@code FormalooIO.Write#withMaxBufferingDuration(Duration)}. */
  public WriteSettings withMaxBufferingDuration(Duration duration) {
    if (duration == null) {
      throw new IllegalArgumentException("withMaxBufferingDuration(duration) must not be null");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "withMaxBufferingDuration(duration) must be positive, got " + duration);
    }
    return toBuilder().maxBufferingDuration(duration).build();
  }

  /** See {@code FormalooIO.Write#withBulkImportAbove(int)}: 0 always, {@link #NEVER} never. */
  public WriteSettings withBulkImportAbove(int records) {
    if (records < 0) {
      throw new IllegalArgumentException(
          "withBulkImportAbove(records) must not be negative, got " + records);
    }
    return toBuilder().bulkImportAbove(records).build();
  }

  /** See {@code FormalooIO.Write#withBulkImportTimeout(Duration)}. */
  public WriteSettings withBulkImportTimeout(Duration timeout) {
    if (timeout == null) {
      throw new IllegalArgumentException("withBulkImportTimeout(timeout) must not be null");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "withBulkImportTimeout(timeout) must be positive, got " + timeout);
    }
    return toBuilder().bulkImportTimeout(timeout).build();
  }

  /** Whether the write sends any batch to a bulk import job. */
  public boolean bulkImports() {
    return bulkImportAbove() != NEVER;
  }

  /** The settings as display data (the config displays itself). */
  public void populateDisplayData(DisplayData.Builder builder) {
    int above = bulkImportAbove();
    builder
        .add(DisplayData.item("shards", shards()).withLabel("Shards"))
        .add(
            DisplayData.item("maxConcurrentRequests", maxConcurrentRequests())
                .withLabel("Requests in flight, per worker process"))
        .addIfNotNull(
            DisplayData.item("maxRequestsPerSecond", maxRequestsPerSecond())
                .withLabel("Requests per second, per worker process"))
        .add(DisplayData.item("batchSize", batchSize()).withLabel("Records per batch"))
        .add(DisplayData.item("maxBatchBytes", maxBatchBytes()).withLabel("Bytes per batch"))
        .add(
            DisplayData.item("maxBufferingDuration", maxBufferingDuration().toString())
                .withLabel("Longest wait for a batch to fill"))
        .add(
            DisplayData.item(
                    "bulkImport",
                    above == NEVER
                        ? "never"
                        : above == 0 ? "always" : "batches of more than " + above + " records")
                .withLabel("Bulk import jobs"))
        .add(
            DisplayData.item("bulkImportTimeout", bulkImportTimeout().toString())
                .withLabel("Bulk import job timeout"));
  }

  /** The business written to; null: the access token's own. */
  @Nullable String business() {
    FormalooConfig config = config();
    return config == null ? null : config.business();
  }

  /** Whether a batch of {@code records} records goes to a bulk import job. */
  boolean bulkImportFor(int records) {
    return bulkImportAbove() != NEVER && records > bulkImportAbove();
  }

  /**
   * The config of the write's one client in a worker process, which every shard, bundle and thread
   * of the write shares: one ceiling (the write's budget, else the config's), and a connection for
   * each request it may have in flight.
   */
  FormalooConfig clientConfig() {
    FormalooConfig config = config();
    if (config == null) {
      throw new IllegalStateException("write settings not bound to a config");
    }
    FormalooConfig.Builder client = config.toBuilder();
    Double budget = maxRequestsPerSecond();
    if (budget != null) {
      client.rateLimit(RateLimit.perSecond(budget));
    }
    return client
        .maxConnections(Math.max(config.maxConnections(), maxConcurrentRequests()))
        .build();
  }

  /**
   * Records one {@code DoFn} instance keeps submitted to the write's pool and not ended: enough to
   * keep every slot busy with a queue behind, few enough to bound memory.
   */
  int maxPendingPerInstance() {
    return 2 * maxConcurrentRequests();
  }

  /** Builds {@link WriteSettings} without checks: the {@code withX} methods check. */
  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder config(@Nullable FormalooConfig config);

    abstract Builder shards(int shards);

    abstract Builder maxConcurrentRequests(int maxConcurrentRequests);

    abstract Builder maxRequestsPerSecond(@Nullable Double maxRequestsPerSecond);

    abstract Builder batchSize(int batchSize);

    abstract Builder maxBatchBytes(long maxBatchBytes);

    abstract Builder maxBufferingDuration(Duration maxBufferingDuration);

    abstract Builder bulkImportAbove(int records);

    abstract Builder bulkImportTimeout(Duration timeout);

    abstract Builder firstPoll(Duration firstPoll);

    abstract Builder maxPoll(Duration maxPoll);

    abstract Builder maxJobsInFlight(int jobs);

    abstract Builder writerId(@Nullable String writerId);

    abstract WriteSettings build();
  }
}
