package io.formaloo.beam.harness;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.cli.Elapsed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the soak's bounds once a second: time since it started and the emulator's request count.
 * Past either, it calls {@code onBreach} once.
 */
final class SoakGuard implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final AtomicBoolean breached = new AtomicBoolean();

  SoakGuard(
      FormalooEmulator emulator,
      Soak.Settings settings,
      long startNanos,
      Consumer<String> onBreach) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "soak-guard");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> {
          Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
          long requests = emulator.requestCount();
          String reason = null;
          if (elapsed.compareTo(settings.timeLimit()) > 0) {
            reason =
                "the soak ran longer than its limit of "
                    + Elapsed.format(settings.timeLimit())
                    + " (--timeLimitMinutes), after "
                    + String.format("%,d", requests)
                    + " requests";
          } else if (requests > settings.maxRequests()) {
            reason =
                String.format(
                    "the emulator received %,d requests, more than the ceiling of %,d"
                        + " (--maxRequests), after %s",
                    requests, settings.maxRequests(), Elapsed.format(elapsed));
          }
          if (reason != null && breached.compareAndSet(false, true)) {
            onBreach.accept(reason);
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
