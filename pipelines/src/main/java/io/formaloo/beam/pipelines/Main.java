package io.formaloo.beam.pipelines;

import io.formaloo.beam.pipelines.analytics.Analytics;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.export.Export;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The bundled jar's entry point: {@code java -jar pipelines-bundled.jar <command> [options]}, one
 * command per pipeline, so that one artifact deploys them all (and {@code flink run} can submit it
 * with this main class or any pipeline's own). The demo and the soak are in formaloo-harness, whose
 * bundled jar adds them to these.
 */
public final class Main {
  private Main() {}

  /** Runs the pipeline {@code args[0]} names with the other arguments; exits as it does. */
  public static void main(String[] args) {
    if (args.length == 0) {
      usage(System.err);
      System.exit(Cli.USAGE);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0].toLowerCase(Locale.ROOT)) {
      case Backfill.NAME:
        Backfill.main(rest);
        return;
      case Export.NAME:
        Export.main(rest);
        return;
      case Analytics.NAME:
        Analytics.main(rest);
        return;
      case "help":
      case "--help":
      case "-h":
        usage(System.out);
        return;
      default:
        System.err.println("unknown command " + args[0]);
        usage(System.err);
        System.exit(Cli.USAGE);
    }
  }

  /** The commands and how to run them. */
  public static void usage(PrintStream out) {
    out.println("usage: java -jar pipelines-bundled.jar <command> [--option=value ...]");
    out.println("commands:");
    out.println("  backfill   load customers and activities from files into Formaloo");
    out.println("  export     export Formaloo data to files (jsonl, avro, parquet)");
    out.println("  analytics  charts and tables of an export, as CSV and report.html");
    out.println("<command> --help lists a command's options.");
  }
}
