package io.formaloo.beam.emulator.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of the entry points that are not Beam pipelines (the emulator, the benchmarks),
 * in the pipelines' dialect: {@code --name=value} with camelCase names, {@code --flag} alone for
 * true, {@code --help} lists the options, and a wrong option is refused naming it (exit code
 * {@value #USAGE}, as the pipelines' command line). The emulator module does not depend on Beam, so
 * this is not Beam's {@code PipelineOptionsFactory}, only its style.
 */
public final class CommandLine {
  /** The exit code of a missing or wrong option. */
  public static final int USAGE = 2;

  private final String command;
  private final String summary;
  private final Map<String, Option> options = new LinkedHashMap<>();

  private record Option(String name, String description, String defaultValue) {}

  /** {@code command}: the name errors and help start with; {@code summary}: one line of help. */
  public CommandLine(String command, String summary) {
    this.command = command;
    this.summary = summary;
  }

  /** Declares {@code --name=...}; {@code defaultValue} is shown in the help (null: none). */
  public CommandLine option(String name, String description, Object defaultValue) {
    options.put(
        name, new Option(name, description, defaultValue == null ? null : "" + defaultValue));
    return this;
  }

  /** Whether {@code args} ask for the help. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** The options and their defaults, one per line. */
  public void printHelp(PrintStream out) {
    out.println(command + ": " + summary);
    out.println("options, each as --name=value:");
    for (Option o : options.values()) {
      out.println(
          "  --"
              + o.name
              + (o.defaultValue == null ? "" : "=" + o.defaultValue)
              + "\n      "
              + o.description);
    }
  }

  /**
   * The values {@code args} give.
   *
   * @throws IllegalArgumentException naming an unknown or malformed option
   */
  public Parsed parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument \"" + arg + "\": options are --name=value");
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(2, eq < 0 ? arg.length() : eq);
      if (!options.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; --help lists them");
      }
      given.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return new Parsed(given);
  }

  /**
   * Runs {@code main} on the parsed {@code args}, or prints the help; a wrong option prints why and
   * ends the process with {@value #USAGE}.
   */
  public void run(String[] args, PrintStream out, PrintStream err, Main main) throws Exception {
    if (wantsHelp(args)) {
      printHelp(out);
      return;
    }
    Parsed parsed;
    try {
      parsed = parse(args);
      main.run(parsed);
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      err.println(command + ": nothing was started. --help lists the options.");
      System.exit(USAGE);
    }
  }

  /** What runs once the options are read; an IllegalArgumentException is a usage error. */
  @FunctionalInterface
  public interface Main {
    void run(Parsed options) throws Exception;
  }

  /** The values given, read by type; a value that does not read names its option. */
  public static final class Parsed {
    private final Map<String, String> given;

    Parsed(Map<String, String> given) {
      this.given = given;
    }

    /** Whether {@code --name} was given. */
    public boolean has(String name) {
      return given.containsKey(name);
    }

    public String string(String name, String fallback) {
      return given.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
      return read(name, fallback, v -> Integer.parseInt(v.replace("_", "").replace(",", "")));
    }

    public long whole(String name, long fallback) {
      return read(name, fallback, v -> Long.parseLong(v.replace("_", "").replace(",", "")));
    }

    public double decimal(String name, double fallback) {
      return read(name, fallback, Double::parseDouble);
    }

    /** {@code --name} alone or {@code --name=true}: true; {@code --name=false} or absent: false. */
    public boolean flag(String name) {
      return read(
          name,
          false,
          v -> {
            if (!v.equals("true") && !v.equals("false")) {
              throw new IllegalArgumentException("--" + name + " is true or false, got " + v);
            }
            return v.equals("true");
          });
    }

    /** {@code --name}'s value read by {@code reader}, or {@code fallback} when not given. */
    public <T> T read(String name, T fallback, Function<String, T> reader) {
      String value = given.get(name);
      if (value == null) {
        return fallback;
      }
      try {
        return reader.apply(value.trim());
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException
            && e.getMessage() != null
            && e.getMessage().startsWith("--")) {
          throw e; // already names its option
        }
        throw new IllegalArgumentException("--" + name + ": cannot read \"" + value + "\"", e);
      }
    }
  }
}
