package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.io.FormalooMetrics;
import io.formaloo.beam.pipelines.metrics.Counters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The lines a pipeline prints when it has ended: counts, failures, duration, outputs. */
public final class Summary {
  private final String title;
  private final List<String> lines = new ArrayList<>();

  private Summary(String title) {
    this.title = title;
  }

  /** A summary headed by the pipeline's name, state and duration. */
  public static Summary of(String name, RunOutcome outcome) {
    return new Summary(
        name
            + " "
            + outcome.state().toString().toLowerCase()
            + " in "
            + Elapsed.format(outcome.duration()));
  }

  public Summary line(String format, Object... args) {
    lines.add(String.format(format, args));
    return this;
  }

  /** The connector's request figures: how many, how fast, how often refused or slowed. */
  public Summary requests(RunOutcome outcome) {
    Counters c = outcome.counters();
    long requests = c.formaloo(FormalooMetrics.REQUESTS);
    double seconds = Math.max(1e-3, outcome.duration().toMillis() / 1000.0);
    return line(
            "API requests: %,d (%.1f/s), 429 answers: %,d, retries: %,d, throttled: %.1f s",
            requests,
            requests / seconds,
            c.formaloo(FormalooMetrics.RATE_LIMITED),
            c.formaloo(FormalooMetrics.RETRIES),
            c.throttledMillis() / 1000.0)
        .line("ran on: %s", outcome.engine());
  }

  public void print(PrintStream out, List<RunOutcome.Output> outputs) {
    out.println();
    out.println(title);
    for (String line : lines) {
      out.println("  " + line);
    }
    if (!outputs.isEmpty()) {
      out.println("  outputs:");
      for (RunOutcome.Output output : outputs) {
        out.printf("    %-22s %s%n", output.label(), output.location());
      }
    }
    out.flush();
  }
}
