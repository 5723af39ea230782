package io.formaloo.beam.io.write;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.RateLimit;
import java.io.Serializable;
import java.time.Duration;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a write runs, as {@code FormalooIO.Write} was configured: shards, rate budget, batching, bulk
 * imports. Carried to the workers.
 */
@AutoValue
public abstract class WriteSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The bulk import threshold that means "never". */
  public static final int NEVER = Integer.MAX_VALUE;

  abstract FormalooConfig config();

  /** Shards: batches written in parallel, one request in flight each. */
  abstract int shards();

  /** Requests per second for the whole write, divided among the shards; null: the config's. */
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

  /** Unique per application of the transform: which shard clients belong together. */
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

  /** The config of one shard's client: the pipeline's budget divided among the shards. */
  FormalooConfig shardConfig() {
    Double budget = maxRequestsPerSecond();
    if (budget == null) {
      return config();
    }
    return config().toBuilder().rateLimit(RateLimit.perSecond(budget / shards())).build();
  }

  /** Builds {@link WriteSettings}; {@code FormalooIO.Write} has checked every value. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder config(FormalooConfig config);

    public abstract Builder shards(int shards);

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
