package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * {@code scripts/flink-cluster}: {@code start [--taskmanagers=N] [--slots=S] [--dir=DIR]}, {@code
 * stop [--dir=DIR]}, {@code status [--dir=DIR]}. Start returns once the cluster is up, leaving its
 * processes running, and prints {@code flink_master: HOST:PORT} and where the logs are.
 */
public final class FlinkClusterCommand {
  static final String USAGE =
      "usage: flink-cluster start [--taskmanagers=N] [--slots=S] [--dir=DIR]\n"
          + "       flink-cluster stop [--dir=DIR]\n"
          + "       flink-cluster status [--dir=DIR]\n"
          + "  --taskmanagers  TaskManager processes (default 2)\n"
          + "  --slots         task slots per TaskManager (default 2)\n"
          + "  --dir           where the configuration, logs and pids go (default target/flink-cluster)";

  private FlinkClusterCommand() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args));
  }

  static int run(String[] args) throws IOException {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    int taskManagers = 2;
    int slots = 2;
    Path defaultDir =
        Paths.get(System.getProperty("flinkcluster.defaultDir", "target/flink-cluster"));
    Path dir = defaultDir;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      try {
        if (arg.startsWith("--taskmanagers=") && args[0].equals("start")) {
          taskManagers = Integer.parseInt(value(arg));
        } else if (arg.startsWith("--slots=") && args[0].equals("start")) {
          slots = Integer.parseInt(value(arg));
        } else if (arg.startsWith("--dir=")) {
          dir = Paths.get(value(arg));
        } else {
          System.err.println("flink-cluster: unknown option " + arg + "\n" + USAGE);
          return 2;
        }
      } catch (NumberFormatException e) {
        System.err.println("flink-cluster: " + arg + " needs a whole number");
        return 2;
      }
    }
    switch (args[0]) {
      case "start":
        try {
          LocalFlinkCluster cluster = LocalFlinkCluster.start(dir, taskManagers, slots);
          System.out.println("flink_master: " + cluster.flinkMaster());
          System.out.println("logs: " + cluster.logsDir());
          System.out.println(
              "started 1 JobManager and "
                  + taskManagers
                  + " TaskManagers of "
                  + slots
                  + " slots; stop with: scripts/flink-cluster stop"
                  + (dir.equals(defaultDir) ? "" : " --dir=" + dir));
          return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
          System.err.println("flink-cluster: " + e.getMessage());
          return 1;
        }
      case "stop":
        int stopped = LocalFlinkCluster.stop(dir);
        System.out.println("flink-cluster: stopped " + stopped + " processes");
        return 0;
      case "status":
        Optional<LocalFlinkCluster> running = LocalFlinkCluster.attach(dir);
        if (running.isEmpty() || running.get().taskManagers().isEmpty()) {
          System.out.println("flink-cluster: not running from " + dir.toAbsolutePath());
          return 1;
        }
        System.out.println("flink_master: " + running.get().flinkMaster());
        System.out.println("taskmanagers: " + String.join(", ", running.get().taskManagers()));
        System.out.println("logs: " + running.get().logsDir());
        return 0;
      default:
        System.err.println("flink-cluster: unknown command " + args[0] + "\n" + USAGE);
        return 2;
    }
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }
}
