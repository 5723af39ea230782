package io.formaloo.beam.pipelines.cli;

import java.util.Arrays;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The command line of every pipeline: {@code --help}, option parsing, and exit codes: 0 done, 1 the
 * pipeline failed, 2 an option is missing or wrong (nothing was started).
 */
public final class Cli {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** A pipeline's command: parses its arguments, runs, and returns how the run ended. */
  @FunctionalInterface
  public interface Command {
    RunOutcome run(String[] args, Terminal terminal);
  }

  private Cli() {}

  /** Runs {@code command} and ends the process with its exit code. */
  public static void main(
      String name, Class<? extends PipelineOptions> options, String[] args, Command command) {
    // Exit explicitly: a runner may leave non-daemon threads behind (Flink's), which would keep
    // the JVM alive after the summary.
    System.exit(run(name, options, args, command, Terminal.system()));
  }

  /** Runs {@code command}; prints help, option errors and failures; returns the exit code. */
  public static int run(
      String name,
      Class<? extends PipelineOptions> options,
      String[] args,
      Command command,
      Terminal terminal) {
    if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
      PipelineOptionsFactory.printHelp(terminal.out(), options);
      return OK;
    }
    try {
      command.run(args, terminal);
      return OK;
    } catch (PipelineFailedException e) {
      terminal.err().println(e.getMessage());
      return FAILED;
    } catch (IllegalArgumentException e) {
      // Ours name the option; Beam's own (an unknown option, a value of the wrong type) do too.
      terminal.err().println(name + ": " + e.getMessage());
      terminal.err().println(name + ": nothing was started. --help lists the options.");
      return USAGE;
    }
  }

  /**
   * Parses {@code args} into {@code type}, with Beam's checks (unknown options, value types), and
   * prepares them for {@link PipelineRun}.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    T options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(culprit(args, type) + firstLine(e.getMessage()), e);
    }
    PipelineRun.prepare(options, args);
    return options;
  }

  /**
   * The argument Beam refused, for the message: Beam names an unknown option, but not one whose
   * value it could not convert ("Cannot deserialize value of type `int` from String"). Each
   * argument alone tells.
   */
  private static String culprit(String[] args, Class<? extends PipelineOptions> type) {
    for (String arg : args) {
      try {
        PipelineOptionsFactory.fromArgs(arg).as(type);
      } catch (IllegalArgumentException e) {
        return arg + ": ";
      }
    }
    return "";
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message);
    int end = m.indexOf('\n');
    return end < 0 ? m : m.substring(0, end);
  }
}
