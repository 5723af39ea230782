package io.formaloo.beam.io.client;

import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.Sleeper;

/**
 * An adaptive token bucket: at most {@code rate} requests a second, with bursts of up to {@code
 * burst}. Each 429 halves the rate (multiplicative decrease) and empties the bucket; each success
 * adds back a twentieth of the configured rate (additive increase), up to the configured rate. The
 * floor is 1/64 of the configured rate, so that a client always makes progress.
 *
 * <p>Thread-safe. A caller reserves its slot under the lock and sleeps outside it, so that waiting
 * callers queue in order without blocking each other's bookkeeping.
 */
final class RateLimiter {
  private static final double DECREASE_FACTOR = 0.5;
  private static final double INCREASE_FRACTION = 1.0 / 20;
  private static final double FLOOR_FRACTION = 1.0 / 64;

  private final double maxRate;
  private final double burst;
  private final boolean unlimited;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  private double rate;
  private double permits;
  private long lastRefill;

  RateLimiter(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
    this.unlimited = limit.isUnlimited();
    this.maxRate = limit.requestsPerSecond();
    this.burst = limit.burst();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.rate = maxRate;
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
    long waitNanos = reserve();
    if (waitNanos <= 0) {
      return 0;
    }
    long millis = (waitNanos + 999_999) / 1_000_000;
    sleeper.sleep(millis);
    return millis;
  }

  /** Takes one permit, possibly on credit, and returns how long until the credit is repaid. */
  synchronized long reserve() {
    refill();
    permits -= 1;
    if (permits >= 0) {
      return 0;
    }
    return (long) (-permits / rate * 1e9);
  }

  /** The server answered 429: slow down, and give up any stored burst. */
  synchronized void onThrottled() {
    if (unlimited) {
      return;
    }
    refill();
    rate = Math.max(maxRate * FLOOR_FRACTION, rate * DECREASE_FACTOR);
    permits = Math.min(permits, 0);
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
