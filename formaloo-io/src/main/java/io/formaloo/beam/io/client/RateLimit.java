package io.formaloo.beam.io.client;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * The request rate one client allows itself: a token bucket refilled at {@link
 * #requestsPerSecond()} and holding at most {@link #burst()} requests.
 *
 * <p>The rate adapts: a 429 halves it (once a second at most, however many requests of one
 * overflowing second are refused; down to a floor of 1/64 of the configured rate) and each success
 * gives back 1/20 of the configured rate, never going above it.
 */
@AutoValue
public abstract class RateLimit implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Requests per second, or {@code +Infinity} for no limit. */
  public abstract double requestsPerSecond();

  /** Requests that may go out at once after a quiet spell. */
  public abstract int burst();

  /** At most {@code requestsPerSecond} a second, with bursts of up to {@code burst}. */
  public static RateLimit of(double requestsPerSecond, int burst) {
    Checks.check(
        requestsPerSecond > 0 && !Double.isNaN(requestsPerSecond),
        "rateLimit.requestsPerSecond must be positive, got %s",
        requestsPerSecond);
    Checks.check(burst >= 1, "rateLimit.burst must be at least 1, got %s", burst);
    return new AutoValue_RateLimit(requestsPerSecond, burst);
  }

  /** At most {@code requestsPerSecond} a second, with bursts of one second's worth. */
  public static RateLimit perSecond(double requestsPerSecond) {
    return of(requestsPerSecond, (int) Math.max(1, Math.ceil(requestsPerSecond)));
  }

  /** No client-side limit; 429 answers are still retried with backoff. */
  public static RateLimit unlimited() {
    return new AutoValue_RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
  }

  /** Whether this is {@link #unlimited()}. */
  public boolean isUnlimited() {
    return Double.isInfinite(requestsPerSecond());
  }

  @Override
  public final String toString() {
    return isUnlimited() ? "unlimited" : requestsPerSecond() + " requests/s, burst " + burst();
  }
}
