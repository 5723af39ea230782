package io.formaloo.beam.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition the emulator reaches in the background (batch jobs), with a deadline. */
final class Await {
  private Await() {}

  static <T> T until(Callable<T> probe, java.util.function.Predicate<T> done, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.call();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + timeout + "; last: " + value);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      value = probe.call();
    }
    return value;
  }
}
