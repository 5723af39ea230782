package io.formaloo.beam.io.client;

import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.Sleeper;

/**
 * An adaptive token bucket: at most {@code rate} requests a second, with bursts of up to {@code
 * burst}. A 429 halves the rate (multiplicative decrease) and empties the bucket; each success adds
 * back a twentieth of the configured rate (additive increase), up to the configured rate. The floor
 * is 1/64 of the configured rate, so that a client always makes progress.
 *
 * <p>The 429s that arrive within a second of a decrease do not decrease the rate again: servers
 * count their limit over a window, and the requests already sent into an overflowing window are all
 * refused together. Halving once for each of them would drop the rate to its floor for one
 * overflow, and leave the budget unused for many seconds while it climbs back.
 *
 * <p>Thread-safe. A waiting caller takes no permit on credit: it sleeps until a permit should be
 * there (at most {@value #MAX_SLEEP_MILLIS} ms at a time) and tries again. So the waiters follow
 * the rate as it is now: a wait computed at a slowed-down rate does not outlast the rate's
 * recovery.
 */
final class RateLimiter {
  private static final double DECREASE_FACTOR = 0.5;
  private static final double INCREASE_FRACTION = 1.0 / 20;
  private static final double FLOOR_FRACTION = 1.0 / 64;
  private static final long DECREASE_COOLDOWN_NANOS = 1_000_000_000L;
  static final long MAX_SLEEP_MILLIS = 250;

  private final double maxRate;
  private final double burst;
  private final boolean unlimited;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  private double rate;
  private double permits;
  private long lastRefill;
  private long lastDecrease;

  RateLimiter(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
    this.unlimited = limit.isUnlimited();
    this.maxRate = limit.requestsPerSecond();
    this.burst = limit.burst();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.rate = maxRate;
    this.permits = burst;
    this.lastRefill = nanoTime.getAsLong();
    // As if the last decrease were a cooldown ago: the first 429 decreases.
    this.lastDecrease = lastRefill - DECREASE_COOLDOWN_NANOS;
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
    refill();
    if (permits >= 1) {
      permits -= 1;
      return 0;
    }
    return Math.max(1, (long) ((1 - permits) / rate * 1e9));
  }

  /** The server answered 429: slow down, and give up any stored burst. */
  synchronized void onThrottled() {
    if (unlimited) {
      return;
    }
    refill();
    permits = Math.min(permits, 0);
    long now = nanoTime.getAsLong();
    if (now - lastDecrease < DECREASE_COOLDOWN_NANOS) {
      return;
    }
    rate = Math.max(maxRate * FLOOR_FRACTION, rate * DECREASE_FACTOR);
    lastDecrease = now;
  }

  /** A request succeeded: creep back towards the configured rate. */
  synchronized void onSuccess() {
    if (unlimited || rate >= maxRate) {
      return;
    }
    refill();
    rate = Math.min(maxRate, rate + maxRate * INCREASE_FRACTION);
  }

  /** The current rate, in requests per second. */
  synchronized double currentRate() {
    return rate;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    permits = Math.min(burst, permits + (now - lastRefill) / 1e9 * rate);
    lastRefill = now;
  }
}
