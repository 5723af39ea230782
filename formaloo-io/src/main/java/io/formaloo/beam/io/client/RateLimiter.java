package io.formaloo.beam.io.client;

import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.Sleeper;

/**
 * A client's hard ceiling: a token bucket of at most {@link RateLimit#requestsPerSecond()} requests
 * a second, with bursts of up to {@link RateLimit#burst()}. It never adapts; finding the API's
 * limit is the shared {@link RateController}'s job, and this bucket only caps what the controller
 * allows.
 *
 * <p>Thread-safe. A waiting caller takes no permit on credit: it sleeps until a permit should be
 * there (at most {@value #MAX_SLEEP_MILLIS} ms at a time) and tries again, so a caller interrupted
 * while it waits has taken nothing.
 */
final class RateLimiter {
  static final long MAX_SLEEP_MILLIS = 250;

  private final double rate;
  private final double burst;
  private final boolean unlimited;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  private double permits;
  private long lastRefill;

  RateLimiter(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
    this.unlimited = !limit.hasCeiling();
    this.rate = limit.requestsPerSecond();
    this.burst = limit.burst();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.permits = burst;
    this.lastRefill = nanoTime.getAsLong();
  }

  /**
   * Waits until a request may go out.
   *
   * @return how long it waited, in milliseconds
   */
  long acquire() throws InterruptedException {
    if (unlimited) {
      return 0;
    }
    long waited = 0;
    for (long waitNanos = tryTake(); waitNanos > 0; waitNanos = tryTake()) {
      long millis = Math.min(MAX_SLEEP_MILLIS, (waitNanos + 999_999) / 1_000_000);
      sleeper.sleep(millis);
      waited += millis;
    }
    return waited;
  }

  /** Takes a permit if one is there (returns 0), else returns how long until one should be. */
  private synchronized long tryTake() {
    long now = nanoTime.getAsLong();
    permits = Math.min(burst, permits + (now - lastRefill) / 1e9 * rate);
    lastRefill = now;
    if (permits >= 1) {
      permits -= 1;
      return 0;
    }
    return Math.max(1, (long) ((1 - permits) / rate * 1e9));
  }
}
