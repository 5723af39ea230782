package io.formaloo.beam.io.client;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.Sleeper;

/**
 * The client's view of time and chance, in one place so that tests can replace it: a monotonic
 * ticker for intervals, a wall clock for HTTP dates, a sleeper for waits and a source of jitter.
 */
final class ClientEnvironment {
  final LongSupplier nanoTime;
  final Clock wallClock;
  final Sleeper sleeper;
  final DoubleSupplier random;

  ClientEnvironment(
      LongSupplier nanoTime, Clock wallClock, Sleeper sleeper, DoubleSupplier random) {
    this.nanoTime = nanoTime;
    this.wallClock = wallClock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Real time, real sleeps, real randomness. */
  static ClientEnvironment system() {
    return new ClientEnvironment(
        System::nanoTime,
        Clock.systemUTC(),
        Sleeper.DEFAULT,
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
