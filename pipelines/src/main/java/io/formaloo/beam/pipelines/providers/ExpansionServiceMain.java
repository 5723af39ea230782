package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.pipelines.cli.Cli;
import java.util.List;
import org.apache.beam.sdk.expansion.service.ExpansionService;

/**
 * {@code java -jar pipelines-bundled.jar expansion-service PORT [--option=value ...]}: the bundled
 * jar as a Beam expansion service on {@code PORT}, serving the schema transforms of this package
 * (and Beam's own) to Python and Beam YAML pipelines. Python's {@code JavaJarExpansionService} and
 * YAML's {@code javaJar} provider start a jar as {@code java -jar JAR PORT ...}: {@code Main} takes
 * a first argument that is a port for this command.
 */
public final class ExpansionServiceMain {
  /** The command's name. */
  public static final String NAME = "expansion-service";

  private ExpansionServiceMain() {}

  /** Serves until the process is stopped; {@code args[0]} is the port. */
  public static void main(String[] args) {
    if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
      System.out.println(
          "usage: java -jar pipelines-bundled.jar "
              + NAME
              + " PORT [--option=value ...]\n"
              + "Serves the FormalooIO schema transforms (beam:schematransform:org.formaloo:...)"
              + " to Python and Beam YAML on PORT (loopback and other interfaces alike); the"
              + " options are Beam's expansion service options.");
      if (args.length == 0) {
        System.exit(Cli.USAGE);
      }
      return;
    }
    if (!isPort(args[0])) {
      System.err.println(NAME + ": the first argument must be a port (1-65535), got " + args[0]);
      System.exit(Cli.USAGE);
    }
    try {
      ExpansionService.main(args);
    } catch (Exception e) {
      System.err.println(NAME + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /** Whether {@code value} is a TCP port number. */
  public static boolean isPort(String value) {
    if (!value.matches("[0-9]{1,5}")) {
      return false;
    }
    int port = Integer.parseInt(value);
    return port >= 1 && port <= 65_535;
  }
}
