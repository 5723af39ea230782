package io.formaloo.beam.harness;

import io.formaloo.beam.pipelines.Main;
import io.formaloo.beam.pipelines.cli.Cli;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The harness jar's entry point: {@code java -jar formaloo-harness-bundled.jar <command>
 * [options]}: the demo and the soak, and every command of the pipelines' jar ({@link Main}).
 */
public final class HarnessMain {
  private HarnessMain() {}

  /** Runs the command {@code args[0]} names with the other arguments; exits as it does. */
  public static void main(String[] args) {
    String command = args.length == 0 ? "" : args[0].toLowerCase(Locale.ROOT);
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case Demo.NAME:
        Demo.main(rest);
        return;
      case Soak.NAME:
        Soak.main(rest);
        return;
      case "":
        usage(System.err);
        System.exit(Cli.USAGE);
        return;
      case "help":
      case "--help":
      case "-h":
        usage(System.out);
        return;
      default:
        Main.main(args);
    }
  }

  private static void usage(PrintStream out) {
    Main.usage(out);
    out.println("and, in this jar:");
    out.println(
        "  demo       an emulated API, a backfill, an export and a report, on this machine");
    out.println("  soak       the backfill and export under faults, checked exactly (long)");
  }
}
