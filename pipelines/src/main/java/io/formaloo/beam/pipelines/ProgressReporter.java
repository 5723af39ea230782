package io.formaloo.beam.pipelines;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.PipelineResult;

/**
 * Prints a progress line every few seconds while a pipeline runs: records read, written and failed,
 * the request rate since the last line, and the time spent throttled.
 *
 * <p>Counts come from the running job's metrics. Runners whose {@code run()} returns only when the
 * job has ended (the FlinkRunner in batch mode) have no running job to ask, so their lines say how
 * long the job has been running and the summary gives the counts.
 */
final class ProgressReporter implements AutoCloseable {
  private final String name;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final AtomicReference<PipelineResult> result = new AtomicReference<>();
  private final ScheduledExecutorService timer;
  private long lastRequests;
  private long lastNanos = startNanos;

  private ProgressReporter(String name, PrintStream out, Duration interval) {
    this.name = name;
    this.out = out;
    if (interval.isZero()) {
      timer = null;
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-progress");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(this::printLine, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Starts printing every {@code interval}; never for a zero interval. */
  static ProgressReporter start(String name, PrintStream out, Duration interval) {
    return new ProgressReporter(name, out, interval);
  }

  /** The running job, once the runner has handed it over. */
  void attach(PipelineResult running) {
    result.set(running);
  }

  private synchronized void printLine() {
    try {
      out.println(line());
    } catch (RuntimeException e) {
      // A line that cannot be made (metrics momentarily unavailable) is skipped, not fatal: the
      // next one will do, and an exception would end the timer.
    }
  }

  String line() {
    long now = System.nanoTime();
    String elapsed = Elapsed.format(Duration.ofNanos(now - startNanos));
    PipelineResult running = result.get();
    if (running == null) {
      return String.format(
          "[%s %s] running (this runner reports counts when the job ends)", name, elapsed);
    }
    Counters c = Counters.of(running, true);
    long requests = c.formaloo("requests");
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    double rate = (requests - lastRequests) / seconds;
    lastRequests = requests;
    lastNanos = now;
    return String.format(
        "[%s %s] read %,d  written %,d  failed %,d  %.1f requests/s  throttled %.1f s",
        name,
        elapsed,
        c.recordsRead(),
        c.recordsWritten(),
        c.recordsFailed(),
        rate,
        c.throttledMillis() / 1000.0);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
