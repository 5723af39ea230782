package io.formaloo.beam.io.client;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * How fast a client may send: an adaptive rate, optionally under a hard ceiling.
 *
 * <p>By default ({@link #adaptive()}) the rate is found, not configured: the clients of one worker
 * process that talk to one account (base URL, credentials, business) share one rate controller,
 * which starts at a safe rate, raises it while answers are healthy and cuts it when the API answers
 * 429. The API's limit is not documented, so any fixed guess would be either too slow or too fast.
 *
 * <p>{@link #perSecond} and {@link #of} add a ceiling: each client never sends more than {@link
 * #requestsPerSecond()} a second, with bursts of at most {@link #burst()}, whatever the controller
 * allows. A ceiling is per client: a read's client serves that read in one worker process, a
 * write's one client serves all of that write's shards and threads in one worker process (see
 * {@code FormalooIO.Write#withMaxRequestsPerSecond}). With N worker processes, up to N times it.
 *
 * <p>{@link #unlimited()} neither paces nor adapts: for an API known to have no limit, and tests.
 */
@AutoValue
public abstract class RateLimit implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The ceiling in requests per second, or {@code +Infinity} for none. */
  public abstract double requestsPerSecond();

  /** Requests that may go out at once under the ceiling after a quiet spell. */
  public abstract int burst();

  /** Whether the shared rate controller paces the requests (every limit but {@link #unlimited}). */
  public abstract boolean isAdaptive();

  /**
   * Adaptive, and never more than {@code requestsPerSecond} a second, with bursts of {@code burst}.
   */
  public static RateLimit of(double requestsPerSecond, int burst) {
    Checks.check(
        requestsPerSecond > 0 && !Double.isNaN(requestsPerSecond),
        "rateLimit.requestsPerSecond must be positive, got %s",
        requestsPerSecond);
    Checks.check(burst >= 1, "rateLimit.burst must be at least 1, got %s", burst);
    return new AutoValue_RateLimit(requestsPerSecond, burst, true);
  }

  /** Adaptive, and never more than {@code requestsPerSecond} a second (bursts of one second's). */
  public static RateLimit perSecond(double requestsPerSecond) {
    return of(requestsPerSecond, (int) Math.max(1, Math.ceil(requestsPerSecond)));
  }

  /** The default: adaptive, with no ceiling. */
  public static RateLimit adaptive() {
    return new AutoValue_RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE, true);
  }

  /** No client-side pacing at all; 429 answers are still retried, after their Retry-After. */
  public static RateLimit unlimited() {
    return new AutoValue_RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE, false);
  }

  /** Whether a ceiling is set. */
  public boolean hasCeiling() {
    return !Double.isInfinite(requestsPerSecond());
  }

  /** Whether this is {@link #unlimited()}: no ceiling, no adaptation. */
  public boolean isUnlimited() {
    return !hasCeiling() && !isAdaptive();
  }

  @Override
  public final String toString() {
    if (isUnlimited()) {
      return "unlimited";
    }
    return hasCeiling()
        ? "adaptive, at most " + requestsPerSecond() + " requests/s, burst " + burst()
        : "adaptive, no ceiling";
  }
}
