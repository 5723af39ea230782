package io.formaloo.beam.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rolls the dice for the configured {@link Faults}. The dice are seeded, so a single-threaded
 * scenario is reproducible; under concurrency the order of draws varies but the rates hold.
 */
final class FaultInjector {
  private static final int[] ERROR_STATUSES = {500, 502, 503};

  private volatile Faults faults;
  private final SplittableRandom random;
  private final Clock clock;
  private final Object rateLock = new Object();
  private final Object changeLock = new Object();
  private long windowSecond = Long.MIN_VALUE;
  private int windowCount;

  /** Requests since the faults were set, for {@link Faults#failAfterRequests()}. */
  private final AtomicLong requestsSinceSet = new AtomicLong();

  /** The state of {@link Faults#slowCustomer()}, reset when the faults change. */
  private final Object slowLock = new Object();

  private boolean slowArrived;
  private int othersAnsweredSinceSlowArrived;

  FaultInjector(Faults faults, long seed, Clock clock) {
    this.faults = faults;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.clock = clock;
  }

  Faults faults() {
    return faults;
  }

  void faults(Faults faults) {
    synchronized (changeLock) {
      this.faults = faults;
      requestsSinceSet.set(0);
      changeLock.notifyAll();
    }
    synchronized (slowLock) {
      slowArrived = false;
      othersAnsweredSinceSlowArrived = 0;
      slowLock.notifyAll();
    }
  }

  /**
   * Holds a customer write as {@link Faults.Builder#slowCustomer} says: a write of the slow
   * customer until enough writes of others were answered since its first arrived, a write of
   * another until that first one arrived.
   *
   * @param email the e-mail address the write is for, or null
   */
  void holdCustomerWrite(String email) throws InterruptedException {
    Faults f = faults;
    String slow = f.slowCustomer();
    if (slow == null || email == null) {
      return;
    }
    long deadline = System.nanoTime() + f.slowCustomerMaxWait().toNanos();
    synchronized (slowLock) {
      if (slow.equalsIgnoreCase(email)) {
        if (!slowArrived) {
          slowArrived = true;
          othersAnsweredSinceSlowArrived = 0;
          slowLock.notifyAll();
        }
        while (othersAnsweredSinceSlowArrived < f.slowCustomerUntilOthers()) {
          if (!waitUntil(deadline)) {
            return;
          }
        }
      } else {
        while (!slowArrived) {
          if (!waitUntil(deadline)) {
            return;
          }
        }
      }
    }
  }

  /** A customer write was answered: one more for the slow customer's write to wait for. */
  void customerWriteAnswered(String email) {
    String slow = faults.slowCustomer();
    if (slow == null || email == null || slow.equalsIgnoreCase(email)) {
      return;
    }
    synchronized (slowLock) {
      if (slowArrived) {
        othersAnsweredSinceSlowArrived++;
        slowLock.notifyAll();
      }
    }
  }

  /** Waits on {@link #slowLock} (held) until notified or {@code deadline}; false once past it. */
  private boolean waitUntil(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    TimeUnit.NANOSECONDS.timedWait(slowLock, left);
    return true;
  }

  /**
   * Waits while the settings are still {@code current}, at most {@code max}: how a stalled answer
   * ({@link HostileAnswer#STALL_MID_BODY}) holds its thread without outliving the fault.
   */
  void awaitChange(Faults current, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (changeLock) {
      long left;
      while (faults == current && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(changeLock, left);
      }
    }
  }

  /** Waits the configured latency plus jitter: the point of this fault is to take time. */
  void delay() throws InterruptedException {
    Faults f = faults;
    long nanos = f.latency().toNanos();
    long jitter = f.latencyJitter().toNanos();
    if (jitter > 0) {
      nanos += nextLong(jitter + 1);
    }
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  }

  /**
   * Counts the request against the global rate limit (a one-second window); the wait, when over the
   * limit, until the next window opens.
   */
  Duration throttle() {
    double limit = faults.rateLimitPerSecond();
    if (limit <= 0) {
      return null;
    }
    long nowMillis = clock.millis();
    long second = nowMillis / 1000;
    synchronized (rateLock) {
      if (second != windowSecond) {
        windowSecond = second;
        windowCount = 0;
      }
      windowCount++;
      if (windowCount <= Math.max(1, (int) Math.floor(limit))) {
        return null;
      }
    }
    return Duration.ofMillis((second + 1) * 1000 - nowMillis);
  }

  /** A 5xx status to answer instead of doing the work, or 0. */
  int serverError() {
    long failAfter = faults.failAfterRequests();
    if (failAfter > 0 && requestsSinceSet.incrementAndGet() > failAfter) {
      return 503;
    }
    return roll(faults.errorRate()) ? ERROR_STATUSES[nextInt(ERROR_STATUSES.length)] : 0;
  }

  boolean dropBeforeWork() {
    return roll(faults.dropRate());
  }

  boolean dropAfterWork() {
    return roll(faults.dropAfterCommitRate());
  }

  boolean failBatchJob() {
    return roll(faults.batchJobFailureRate());
  }

  int nextInt(int bound) {
    synchronized (random) {
      return random.nextInt(bound);
    }
  }

  private long nextLong(long bound) {
    synchronized (random) {
      return random.nextLong(bound);
    }
  }

  private boolean roll(double probability) {
    if (probability <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < probability;
    }
  }
}
