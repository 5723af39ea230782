package io.formaloo.beam.io.client;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;

/**
 * How long the client keeps retrying a request that failed in a way worth retrying (429, 408, 500,
 * 502, 503, 504 and broken connections): exponential backoff with full jitter, bounded both by the
 * number of attempts and by the total time spent on the request.
 *
 * <p>A {@code Retry-After} answer is waited out as asked, up to {@link #maxRetryAfter()}; jitter is
 * only ever added to it, never taken from it.
 */
@AutoValue
public abstract class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most times one request is sent, the first included. */
  public abstract int maxAttempts();

  /** The most time one request may take, all its attempts and waits included. */
  public abstract Duration maxElapsed();

  /** The cap of the first backoff; each later one doubles, up to {@link #maxBackoff()}. */
  public abstract Duration initialBackoff();

  /** The cap of any one backoff without {@code Retry-After}. */
  public abstract Duration maxBackoff();

  /** The longest {@code Retry-After} the client waits out; a longer one is cut to this. */
  public abstract Duration maxRetryAfter();

  /**
   * The defaults: 6 attempts within 2 minutes, backoff from 500 ms up to 30 s, {@code Retry-After}
   * honoured up to 60 s.
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** A policy that sends every request once. */
  public static RetryPolicy noRetries() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new AutoValue_RetryPolicy.Builder()
        .maxAttempts(6)
        .maxElapsed(Duration.ofMinutes(2))
        .initialBackoff(Duration.ofMillis(500))
        .maxBackoff(Duration.ofSeconds(30))
        .maxRetryAfter(Duration.ofSeconds(60));
  }

  /** A builder starting from this policy. */
  public abstract Builder toBuilder();

  /** Builds a {@link RetryPolicy}; {@link #build()} checks every setting. */
  @AutoValue.Builder
  public abstract static class Builder {
    /** See {@link RetryPolicy#maxAttempts()}; at least 1. */
    public abstract Builder maxAttempts(int maxAttempts);

    /** See {@link RetryPolicy#maxElapsed()}; positive. */
    public abstract Builder maxElapsed(Duration maxElapsed);

    /** See {@link RetryPolicy#initialBackoff()}; positive. */
    public abstract Builder initialBackoff(Duration initialBackoff);

    /** See {@link RetryPolicy#maxBackoff()}; at least the initial backoff. */
    public abstract Builder maxBackoff(Duration maxBackoff);

    /** See {@link RetryPolicy#maxRetryAfter()}; not negative. */
    public abstract Builder maxRetryAfter(Duration maxRetryAfter);

    abstract RetryPolicy autoBuild();

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range
     */
    public RetryPolicy build() {
      RetryPolicy p = autoBuild();
      Checks.check(
          p.maxAttempts() >= 1,
          "retryPolicy.maxAttempts must be at least 1, got %s",
          p.maxAttempts());
      Checks.positive("retryPolicy.maxElapsed", p.maxElapsed());
      Checks.positive("retryPolicy.initialBackoff", p.initialBackoff());
      Checks.positive("retryPolicy.maxBackoff", p.maxBackoff());
      Checks.check(
          p.maxBackoff().compareTo(p.initialBackoff()) >= 0,
          "retryPolicy.maxBackoff (%s) must not be shorter than retryPolicy.initialBackoff (%s)",
          p.maxBackoff(),
          p.initialBackoff());
      Checks.check(
          !p.maxRetryAfter().isNegative(),
          "retryPolicy.maxRetryAfter must not be negative, got %s",
          p.maxRetryAfter());
      return p;
    }
  }
}
