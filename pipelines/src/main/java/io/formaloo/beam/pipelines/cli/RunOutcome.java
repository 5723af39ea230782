package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.pipelines.metrics.Counters;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;

/**
 * How a pipeline run that finished ended (one that did not is a {@link PipelineFailedException}).
 *
 * @param state the job's final state
 * @param duration from submission to the end
 * @param counters the final counters
 * @param outputs where the run wrote, for the summary: each a label and a location
 * @param engine how it ran, for the summary: the runner, its parallelism and the request rate
 */
public record RunOutcome(
    PipelineResult.State state,
    Duration duration,
    Counters counters,
    List<Output> outputs,
    String engine) {

  /** The same outcome, with the locations the pipeline wrote to. */
  public RunOutcome withOutputs(List<Output> locations) {
    return new RunOutcome(state, duration, counters, List.copyOf(locations), engine);
  }

  /**
   * One place a pipeline wrote to.
   *
   * @param label what it holds, e.g. {@code "customers"}
   * @param location a folder or a file
   */
  public record Output(String label, String location) {}
}
