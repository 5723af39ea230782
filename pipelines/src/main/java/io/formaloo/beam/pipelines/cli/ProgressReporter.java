package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.io.client.LiveCounters;
import io.formaloo.beam.pipelines.metrics.Counters;
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
 * <p>Requests, 429s, the request rate and the time throttled come from the connector's live
 * counters ({@link LiveCounters}), which move with every request of this process, or from the job's
 * committed metrics when those are further along (workers in other processes). Records come from
 * the committed metrics, which the Direct runner updates as bundles end. Runners whose {@code
 * run()} returns only when the job has ended (the FlinkRunner in batch mode) have no running job to
 * ask: their lines have the live counts only (an embedded Flink runs in this process), and the
 * summary gives the records. The live counts are the JVM's since this reporter started, so two
 * pipelines that run at once in one JVM see each other's requests.
 */
final class ProgressReporter implements AutoCloseable {
  private final String name;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final AtomicReference<PipelineResult> result = new AtomicReference<>();
  private final LiveCounters.Snapshot baseline = LiveCounters.snapshot();
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
    LiveCounters.Snapshot live = LiveCounters.snapshot().since(baseline);
    PipelineResult running = result.get();
    Counters c = running == null ? null : Counters.of(running, true);
    // The live counts move with every request; committed metrics only at bundle ends, but they
    // are the only counts of workers in other processes. Whichever is further along is right.
    long requests = Math.max(live.requests(), c == null ? 0 : c.formaloo(FormalooMetrics.REQUESTS));
    long refused =
        Math.max(live.rateLimited(), c == null ? 0 : c.formaloo(FormalooMetrics.RATE_LIMITED));
    long throttled = Math.max(live.throttledMillis(), c == null ? 0 : c.throttledMillis());
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    double rate = (requests - lastRequests) / seconds;
    lastRequests = requests;
    lastNanos = now;
    String api =
        String.format(
            "%,d requests  %.1f requests/s  429s %,d  throttled %.1f s%s",
            requests,
            rate,
            refused,
            throttled / 1000.0,
            Double.isNaN(live.adaptiveRate())
                ? ""
                : String.format("  rate now %,.0f/s", live.adaptiveRate()));
    if (c == null) {
      if (requests == 0) {
        return String.format(
            "[%s %s] running (this runner reports counts when the job ends)", name, elapsed);
      }
      return String.format(
          "[%s %s] %s (records are counted when the job ends)", name, elapsed, api);
    }
    return String.format(
        "[%s %s] read %,d  written %,d  failed %,d  %s",
        name, elapsed, c.recordsRead(), c.recordsWritten(), c.recordsFailed(), api);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
