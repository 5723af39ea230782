package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One process of the cluster: a JVM of its own running one of flink-runtime's entry points on the
 * cluster's classpath, its output in its log file and its pid in its pid file, so that it outlives
 * the process that started it and a later {@code stop} finds it.
 */
final class ClusterProcess {
  static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  /**
   * What Flink's own configuration passes to every JVM on Java 17: its serializers reach into these
   * JDK packages.
   */
  private static final List<String> JAVA_17_OPENS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private ClusterProcess() {}

  static ProcessHandle startJobManager(ClusterLayout layout, String classpath) throws IOException {
    return start(
        layout,
        ClusterLayout.JOBMANAGER,
        classpath,
        List.of("-Xms256m", "-Xmx768m"),
        JOB_MANAGER_MAIN,
        List.of());
  }

  static ProcessHandle startTaskManager(ClusterLayout layout, String classpath, String name)
      throws IOException {
    return start(
        layout,
        name,
        classpath,
        List.of(
            "-Xms" + ClusterConfigFile.TASK_MANAGER_HEAP_MB + "m",
            "-Xmx" + ClusterConfigFile.TASK_MANAGER_HEAP_MB + "m",
            "-XX:MaxDirectMemorySize=" + ClusterConfigFile.TASK_MANAGER_DIRECT_MB + "m",
            "-XX:MaxMetaspaceSize=256m"),
        TASK_MANAGER_MAIN,
        // Named after its process, so that the logs and the web UI say which one ran what.
        List.of("-D", "taskmanager.resource-id=" + name));
  }

  private static ProcessHandle start(
      ClusterLayout layout,
      String name,
      String classpath,
      List<String> memory,
      String main,
      List<String> extraArgs)
      throws IOException {
    Files.createDirectories(layout.logsDir());
    Files.createDirectories(layout.pidsDir());
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(memory);
    // Two cores are shared by every process of the cluster and the job's client: one GC thread.
    command.add("-XX:+UseSerialGC");
    command.addAll(JAVA_17_OPENS);
    command.add("-Dlog.file=" + layout.log(name));
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    command.add("--configDir");
    command.add(layout.confDir().toString());
    command.addAll(extraArgs);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name).toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    // The start time goes with the pid: it tells this process from a later one given its pid.
    Files.writeString(
        layout.pid(name),
        process.pid() + " " + startTime(process.toHandle()) + "\n",
        StandardCharsets.UTF_8);
    return process.toHandle();
  }

  /**
   * The running process a pid file names, if it is still one of this cluster's: a pid the system
   * has given to another process since is not ours to stop.
   */
  static Optional<ProcessHandle> running(Path pidFile) throws IOException {
    String[] pidAndStart = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split(" ", 2);
    return ProcessHandle.of(Long.parseLong(pidAndStart[0]))
        .filter(ProcessHandle::isAlive)
        .filter(p -> pidAndStart.length == 2 && startTime(p).equals(pidAndStart[1]));
  }

  // Not the command line: the JDK gives none for one over 4 KiB, as a classpath of Flink jars is.
  private static String startTime(ProcessHandle process) {
    return process.info().startInstant().map(Object::toString).orElse("unknown");
  }

  /** The last lines of a process's log, for an error that says why it did not come up. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
