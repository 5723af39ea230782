package io.formaloo.beam.io.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The wait before each retry: exponential backoff with full jitter, or the server's {@code
 * Retry-After} (capped) plus some jitter on top.
 *
 * <p>Full jitter (a uniformly random wait between zero and the exponential cap) spreads the retries
 * of many workers that failed together, so they do not come back together.
 */
final class Backoff {
  private final RetryPolicy policy;
  private final DoubleSupplier random;

  Backoff(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry).
   *
   * @param retryAfter what the server asked for, or null
   */
  Duration delay(int retry, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      Duration asked =
          retryAfter.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : retryAfter;
      // Jitter is added, never subtracted: the server said "not before".
      return asked.plus(jitter(policy.initialBackoff()));
    }
    return jitter(cap(retry));
  }

  /** The exponential cap for retry number {@code retry}: initial * 2^(retry-1), at most max. */
  Duration cap(int retry) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    int doublings = Math.min(Math.max(retry - 1, 0), 40);
    double cap = Math.min((double) max, initial * Math.pow(2, doublings));
    return Duration.ofMillis((long) cap);
  }

  private Duration jitter(Duration upTo) {
    return Duration.ofMillis((long) (random.getAsDouble() * upTo.toMillis()));
  }
}
