package io.formaloo.beam.io.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.apache.beam.sdk.util.Sleeper;

/**
 * Time that passes only when the client sleeps or a test says so: every wait the client asks for is
 * recorded and returns at once, so retry tests are fast and exact.
 */
final class VirtualTime implements Sleeper {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Long> sleeps = new ArrayList<>();
  private volatile IntConsumer onSleep = n -> {};

  @Override
  public void sleep(long millis) {
    int count;
    synchronized (sleeps) {
      sleeps.add(millis);
      count = sleeps.size();
    }
    nanos.addAndGet(millis * 1_000_000L);
    onSleep.accept(count);
  }

  long nanoTime() {
    return nanos.get();
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  /** Runs {@code action} with the number of the sleep (from 1) after each sleep. */
  void onSleep(IntConsumer action) {
    this.onSleep = action;
  }

  List<Long> sleeps() {
    synchronized (sleeps) {
      return new ArrayList<>(sleeps);
    }
  }

  /** An environment on this time, with the real wall clock and jitter fixed at {@code random}. */
  ClientEnvironment environment(double random) {
    return new ClientEnvironment(this::nanoTime, Clock.systemUTC(), this, () -> random);
  }
}
