package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.pipelines.metrics.Counters;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/** Runs a built pipeline to its end while a {@link ProgressReporter} prints how it goes. */
public final class PipelineRun {
  private PipelineRun() {}

  /**
   * Prepares options before the pipeline is created: on Flink, the restart strategy ({@link
   * FlinkRestarts}); on the Direct runner, {@code run()} then returns at once, so that progress can
   * be read from the running job; and unless {@code args} ask for them, the runner's checks of user
   * code (immutability, encodability) are off. They are for testing DoFns, and cost more than the
   * work here: the immutability check walks the whole pipeline for every bundle.
   */
  static void prepare(PipelineOptions options, String[] args) {
    FlinkRestarts.apply(options, args);
    if (!options.getRunner().getSimpleName().equals("DirectRunner")) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setBlockOnRun(false);
    String given = String.join(" ", args);
    if (!given.contains("--enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given.contains("--enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * Runs {@code pipeline} and waits for it.
   *
   * @throws PipelineFailedException if the job failed or was cancelled
   */
  public static RunOutcome run(
      Pipeline pipeline, String name, Terminal terminal, int progressSeconds) {
    long start = System.nanoTime();
    try (ProgressReporter progress =
        ProgressReporter.start(name, terminal.out(), Duration.ofSeconds(progressSeconds))) {
      PipelineResult result;
      PipelineResult.State state;
      try {
        result = pipeline.run();
        progress.attach(result);
        state = result.waitUntilFinish();
      } catch (RuntimeException e) {
        throw new PipelineFailedException(
            name
                + " failed after "
                + Elapsed.format(Duration.ofNanos(System.nanoTime() - start))
                + ": "
                + reason(e),
            e);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (state != PipelineResult.State.DONE) {
        throw new PipelineFailedException(
            name + " ended " + state + " after " + Elapsed.format(took), null);
      }
      return new RunOutcome(
          state, took, Counters.of(result, false), List.of(), engine(pipeline.getOptions()));
    }
  }

  /**
   * How the job ran, for its summary: the runner and how many threads or slots it used, and the
   * request rate (adaptive unless a ceiling was set), so that a slow run shows what bounded it.
   */
  static String engine(PipelineOptions options) {
    String runner = options.getRunner().getSimpleName();
    String parallelism;
    if (runner.equals("DirectRunner")) {
      parallelism =
          options.as(DirectOptions.class).getTargetParallelism() + " threads (--targetParallelism)";
    } else if (FlinkRestarts.isFlink(options)) {
      parallelism = FlinkRestarts.describe(options);
    } else {
      parallelism = "parallelism as the runner chose";
    }
    Double ceiling = options.as(FormalooOptions.class).getMaxRequestsPerSecond();
    String rate =
        ceiling == null
            ? "adaptive, no ceiling (--maxRequestsPerSecond sets one)"
            : String.format("adaptive, at most %s/s per worker (--maxRequestsPerSecond)", ceiling);
    return runner + ", " + parallelism + "; request rate " + rate;
  }

  /**
   * The causes' messages, outermost first, without the runners' wrappers that only repeat the cause
   * ("java.lang.RuntimeException: ...").
   */
  static String reason(Throwable failure) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = failure; t != null && messages.size() < 4; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      Throwable cause = t.getCause();
      if (cause != null && message.equals(String.valueOf(cause))) {
        continue;
      }
      messages.add(message.strip());
    }
    return messages.isEmpty()
        ? failure.getClass().getName()
        : String.join(": caused by: ", messages);
  }
}
