package io.formaloo.beam.pipelines;

import io.formaloo.beam.pipelines.analytics.Analytics;
import io.formaloo.beam.pipelines.backfill.Backfill;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.providers.ExpansionServiceMain;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The bundled jar's entry point: {@code java -jar pipelines-bundled.jar <command> [options]}, one
 * command per pipeline, so that one artifact deploys them all (and {@code flink run} can submit it
 * with this main class or any pipeline's own). The harness jar adds the demo and the soak to these
 * commands through {@link #run(String, List, String[])}.
 */
public final class Main {
  /**
   * One command of a bundled jar.
   *
   * @param name what the user types first, lower case
   * @param description one line for the usage text
   * @param main the command's own main, given the arguments after the name
   */
  public record Command(String name, String description, Consumer<String[]> main) {}

  /** The pipelines' commands. */
  public static final List<Command> PIPELINES =
      List.of(
          new Command(
              Backfill.NAME,
              "load customers and activities from files into Formaloo",
              Backfill::main),
          new Command(
              Export.NAME, "export Formaloo data to files (jsonl, avro, parquet)", Export::main),
          new Command(
              Analytics.NAME,
              "charts and tables of an export, as CSV and report.html",
              Analytics::main),
          new Command(
              ExpansionServiceMain.NAME,
              "serve the schema transforms to Python and Beam YAML on a port",
              ExpansionServiceMain::main));

  private Main() {}

  /** Runs the pipeline {@code args[0]} names with the other arguments; exits as it does. */
  public static void main(String[] args) {
    if (args.length > 0 && ExpansionServiceMain.isPort(args[0])) {
      // Python's JavaJarExpansionService and YAML's javaJar provider start java -jar JAR PORT.
      ExpansionServiceMain.main(args);
      return;
    }
    run("pipelines-bundled.jar", PIPELINES, args);
  }

  /**
   * Runs the command of {@code commands} that {@code args[0]} names with the other arguments, or
   * prints the usage: on standard output for {@code help}, else on standard error with exit code
   * {@link Cli#USAGE}.
   */
  public static void run(String jar, List<Command> commands, String[] args) {
    String name = args.length == 0 ? "" : args[0].toLowerCase(Locale.ROOT);
    if (List.of("help", "--help", "-h").contains(name)) {
      usage(jar, commands, System.out);
      return;
    }
    for (Command command : commands) {
      if (command.name().equals(name)) {
        command.main().accept(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
    }
    if (!name.isEmpty()) {
      System.err.println("unknown command " + args[0]);
    }
    usage(jar, commands, System.err);
    System.exit(Cli.USAGE);
  }

  private static void usage(String jar, List<Command> commands, PrintStream out) {
    out.println("usage: java -jar " + jar + " <command> [--option=value ...]");
    out.println("commands:");
    for (Command command : commands) {
      out.printf("  %-17s %s%n", command.name(), command.description());
    }
    out.println("<command> --help lists a command's options.");
  }
}
