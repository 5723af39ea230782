package io.formaloo.beam.pipelines.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a pipeline's command line prints and what environment it reads: the process's own in {@code
 * main}, others in tests and in the demo (which hands the emulator's credentials over through the
 * environment rather than the command line).
 *
 * @param out progress, summaries and help
 * @param err errors
 * @param environment the environment variables (the credentials' defaults)
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> environment) {
  /** The process's standard output, standard error and environment. */
  public static Terminal system() {
    return new Terminal(System.out, System.err, System.getenv());
  }

  /**
   * This terminal with an environment that holds only these credentials: they travel as a person's
   * would, in the environment, never on a command line (the demo hands over its emulator's so).
   */
  public Terminal withCredentials(String apiKey, String apiSecret) {
    return new Terminal(
        out,
        err,
        Map.of(
            ConfigFromOptions.API_KEY_VARIABLE, apiKey,
            ConfigFromOptions.API_SECRET_VARIABLE, apiSecret));
  }
}
