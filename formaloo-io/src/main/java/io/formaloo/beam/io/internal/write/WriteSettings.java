package io.formaloo.beam.io.internal.write;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.RateLimit;
import java.io.Serializable;
import java.time.Duration;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a write runs, as {@code FormalooIO.Write} was configured: shards, requests in flight, rate
 * ceiling, batching, bulk imports. Carried to the workers.
 */
@AutoValue
public abstract class WriteSettings implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The bulk import threshold that means "never". */
  public static final int NEVER = Integer.MAX_VALUE;

  abstract FormalooConfig config();

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
   * belong together.
   */
  abstract String writerId();

  public static Builder builder() {
    return new AutoValue_WriteSettings.Builder()
        .firstPoll(Duration.ofMillis(200))
        .maxPoll(Duration.ofSeconds(10))
        .maxJobsInFlight(4);
  }

  abstract Builder toBuilder();

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
    FormalooConfig.Builder client = config().toBuilder();
    Double budget = maxRequestsPerSecond();
    if (budget != null) {
      client.rateLimit(RateLimit.perSecond(budget));
    }
    return client
        .maxConnections(Math.max(config().maxConnections(), maxConcurrentRequests()))
        .build();
  }

  /**
   * Records one {@code DoFn} instance keeps submitted to the write's pool and not ended: enough to
   * keep every slot busy with a queue behind, few enough to bound memory.
   */
  int maxPendingPerInstance() {
    return 2 * maxConcurrentRequests();
  }

  /** Builds {@link WriteSettings}; {@code FormalooIO.Write} has checked every value. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder config(FormalooConfig config);

    public abstract Builder shards(int shards);

    public abstract Builder maxConcurrentRequests(int maxConcurrentRequests);

    public abstract Builder maxRequestsPerSecond(@Nullable Double maxRequestsPerSecond);

    public abstract Builder batchSize(int batchSize);

    public abstract Builder maxBatchBytes(long maxBatchBytes);

    public abstract Builder maxBufferingDuration(Duration maxBufferingDuration);

    public abstract Builder bulkImportAbove(int records);

    public abstract Builder bulkImportTimeout(Duration timeout);

    public abstract Builder firstPoll(Duration firstPoll);

    public abstract Builder maxPoll(Duration maxPoll);

    public abstract Builder maxJobsInFlight(int jobs);

    public abstract Builder writerId(String writerId);

    public abstract WriteSettings build();
  }
}
