package io.formaloo.beam.pipelines.cli;

import java.util.Arrays;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The restart strategy a pipeline gives its Flink job unless the command line sets one: a job that
 * loses a TaskManager is restarted, up to {@value #RETRIES} times, {@value #DELAY_SECONDS} s apart.
 * A cluster's default is no restart at all, so without this a lost worker would fail the night's
 * backfill. Restarting is safe because every write is idempotent (customers upsert, activities
 * carry stable slugs) and every file sink finalizes only the attempt that succeeded.
 *
 * <p>Beam applies {@code --numberOfExecutionRetries} only to jobs it translates to Flink's
 * DataStream API; its other batch translation (the DataSet API, Beam's default for bounded jobs)
 * leaves the cluster's default in place. So the pipelines also choose the DataStream translation
 * ({@code --useDataStreamForBatch=true}, Flink's batch execution mode), unless the command line
 * names that option. It is also the only batch translation Flink 2 keeps.
 */
final class FlinkRestarts {
  /**
   * Restarts, not failures survived: in Flink's batch mode a lost TaskManager costs a few, since
   * each part of the job that reads results the TaskManager held fails on its own when it asks for
   * them (three or four, measured in {@code FlinkWorkerLossIT}).
   */
  static final int RETRIES = 10;

  /** Long enough for a replacement TaskManager to register before the job asks for its slots. */
  static final int DELAY_SECONDS = 10;

  private FlinkRestarts() {}

  static void apply(PipelineOptions options, String[] args) {
    if (!isFlink(options)) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    // Beam's defaults (-1) mean "the cluster's": the user gave no value when they are negative.
    if (flink.getNumberOfExecutionRetries() == null || flink.getNumberOfExecutionRetries() < 0) {
      flink.setNumberOfExecutionRetries(RETRIES);
    }
    if (flink.getExecutionRetryDelay() == null || flink.getExecutionRetryDelay() < 0) {
      flink.setExecutionRetryDelay(DELAY_SECONDS * 1000L);
    }
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--useDataStreamForBatch"))) {
      flink.setUseDataStreamForBatch(true);
    }
  }

  /** For the summary: the job's parallelism and restarts. */
  static String describe(PipelineOptions options) {
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    Integer parallelism = flink.getParallelism();
    String slots =
        parallelism == null || parallelism < 1
            ? "parallelism as the cluster's default"
            : "parallelism " + parallelism + " (--parallelism)";
    return slots
        + ", restarts up to "
        + flink.getNumberOfExecutionRetries()
        + " times "
        + flink.getExecutionRetryDelay() / 1000
        + " s apart (--numberOfExecutionRetries, --executionRetryDelay)";
  }

  static boolean isFlink(PipelineOptions options) {
    return options.getRunner().getSimpleName().equals("FlinkRunner");
  }
}
