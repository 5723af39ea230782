package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Flink session cluster on this machine, of separate processes: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and N TaskManagers ({@code TaskManagerRunner}), each its own
 * JVM, on loopback ports chosen free. There is no {@code flink-dist} to start it from, so the
 * processes run flink-runtime's entry points on the jars Maven resolved for this module, with a
 * generated configuration. Jobs are submitted to {@link #flinkMaster()}, e.g. by the FlinkRunner
 * with {@code --flinkMaster=HOST:PORT}, and bring their own jars, as on any cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {
  /** How long the cluster may take to come up before start gives up and says why. */
  private static final Duration STARTUP = Duration.ofSeconds(120);

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final ClusterLayout layout;
  private final String flinkMaster;
  private final String classpath;

  private LocalFlinkCluster(ClusterLayout layout, String flinkMaster, String classpath) {
    this.layout = layout;
    this.flinkMaster = flinkMaster;
    this.classpath = classpath;
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each under
   * {@code dir}, and returns once every TaskManager is registered with the JobManager.
   *
   * @throws IllegalStateException if a cluster already runs from {@code dir}, or if one of the
   *     processes exits or the cluster is not up within two minutes (with the process's last log
   *     lines)
   */
  public static LocalFlinkCluster start(Path dir, int taskManagers, int slots) throws IOException {
    if (taskManagers < 1 || slots < 1) {
      throw new IllegalArgumentException(
          "a cluster needs at least one TaskManager of one slot, got "
              + taskManagers
              + " TaskManagers of "
              + slots
              + " slots");
    }
    ClusterLayout layout = new ClusterLayout(dir);
    if (!runningProcesses(layout).isEmpty()) {
      throw new IllegalStateException(
          "a cluster already runs from " + layout.root() + ": stop it first");
    }
    // Only what an earlier cluster left here: the folder itself may hold anything else.
    for (Path old :
        List.of(
            layout.confDir(),
            layout.logsDir(),
            layout.pidsDir(),
            layout.tmpDir(),
            layout.blobsDir())) {
      deleteRecursively(old);
    }
    ClusterPorts ports = ClusterPorts.free();
    ClusterConfigFile.write(layout, ports, slots);
    String master = ClusterPorts.HOST + ":" + ports.rest();
    LocalFlinkCluster cluster = new LocalFlinkCluster(layout, master, flinkClasspath());
    try {
      List<ProcessHandle> processes = new ArrayList<>();
      processes.add(ClusterProcess.startJobManager(layout, cluster.classpath));
      Set<String> names = new LinkedHashSet<>();
      for (int i = 1; i <= taskManagers; i++) {
        names.add(ClusterLayout.taskManager(i));
        processes.add(
            ClusterProcess.startTaskManager(
                layout, cluster.classpath, ClusterLayout.taskManager(i)));
      }
      cluster.awaitTaskManagers(names, processes);
      Files.writeString(layout.masterFile(), master + "\n", StandardCharsets.UTF_8);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The cluster started from {@code dir} earlier, by this process or another. */
  public static Optional<LocalFlinkCluster> attach(Path dir) throws IOException {
    ClusterLayout layout = new ClusterLayout(dir);
    if (!Files.exists(layout.masterFile())) {
      return Optional.empty();
    }
    String master = Files.readString(layout.masterFile(), StandardCharsets.UTF_8).trim();
    return Optional.of(new LocalFlinkCluster(layout, master, flinkClasspath()));
  }

  /** The JobManager's REST address, {@code HOST:PORT}: what {@code --flinkMaster} takes. */
  public String flinkMaster() {
    return flinkMaster;
  }

  /** The folder of every process's log. */
  public Path logsDir() {
    return layout.logsDir();
  }

  /** The TaskManagers running now, by name ({@code taskmanager-1}, ...), in the order started. */
  public List<String> taskManagers() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path pidFile : runningProcesses(layout)) {
      String name = pidFile.getFileName().toString().replace(".pid", "");
      if (!name.equals(ClusterLayout.JOBMANAGER)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Kills a TaskManager with SIGKILL, as a machine that is lost would: no shutdown, no goodbye to
   * the JobManager.
   */
  public void killTaskManager(String name) throws IOException {
    ProcessHandle process =
        ClusterProcess.running(layout.pid(name))
            .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    process.destroyForcibly();
    process.onExit().join();
  }

  /**
   * Starts one more TaskManager, named after the ones started before ({@code taskmanager-3} after
   * two), and returns its name once it is registered with the JobManager.
   */
  public String startTaskManager() throws IOException {
    int next = 1;
    while (Files.exists(layout.pid(ClusterLayout.taskManager(next)))) {
      next++;
    }
    String name = ClusterLayout.taskManager(next);
    ProcessHandle process = ClusterProcess.startTaskManager(layout, classpath, name);
    awaitTaskManagers(Set.of(name), List.of(process));
    return name;
  }

  /** Stops every process of the cluster: asked first, killed if it does not end in time. */
  @Override
  public void close() throws IOException {
    stop(layout);
  }

  /** Stops the processes of the cluster started from {@code dir}; returns how many ran. */
  public static int stop(Path dir) throws IOException {
    return stop(new ClusterLayout(dir));
  }

  private static int stop(ClusterLayout layout) throws IOException {
    List<ProcessHandle> processes = new ArrayList<>();
    for (Path pidFile : runningProcesses(layout)) {
      ClusterProcess.running(pidFile).ifPresent(processes::add);
    }
    processes.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(STOP_GRACE);
    for (ProcessHandle p : processes) {
      while (p.isAlive() && Instant.now().isBefore(deadline)) {
        sleep(Duration.ofMillis(100));
      }
      if (p.isAlive()) {
        p.destroyForcibly();
        p.onExit().join();
      }
    }
    Files.deleteIfExists(layout.masterFile());
    return processes.size();
  }

  private void awaitTaskManagers(Set<String> expected, List<ProcessHandle> started) {
    ClusterStatus status = new ClusterStatus(flinkMaster);
    Instant deadline = Instant.now().plus(STARTUP);
    while (true) {
      for (ProcessHandle p : started) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a cluster process (pid "
                  + p.pid()
                  + ") exited while the cluster started; "
                  + "logs in "
                  + layout.logsDir()
                  + ":\n"
                  + lastLogLines());
        }
      }
      try {
        Optional<Set<String>> registered = status.registeredTaskManagers();
        if (registered.isPresent() && registered.get().containsAll(expected)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the cluster started", e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "the cluster did not register "
                + expected
                + " within "
                + STARTUP.toSeconds()
                + " s; logs in "
                + layout.logsDir()
                + ":\n"
                + lastLogLines());
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private String lastLogLines() {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> logs = Files.list(layout.logsDir())) {
      logs.sorted()
          .forEach(
              log ->
                  out.append("--- ")
                      .append(log.getFileName())
                      .append('\n')
                      .append(ClusterProcess.tail(log, 15))
                      .append('\n'));
    } catch (IOException e) {
      out.append("(no logs)");
    }
    return out.toString();
  }

  /** Pid files of processes of this cluster that still run. */
  private static List<Path> runningProcesses(ClusterLayout layout) throws IOException {
    if (!Files.isDirectory(layout.pidsDir())) {
      return List.of();
    }
    List<Path> running = new ArrayList<>();
    try (Stream<Path> files = Files.list(layout.pidsDir())) {
      for (Path pidFile : files.sorted(LocalFlinkCluster::byStartOrder).toList()) {
        if (ClusterProcess.running(pidFile).isPresent()) {
          running.add(pidFile);
        }
      }
    }
    return running;
  }

  // taskmanager-10 after taskmanager-9: by the number, not the text.
  private static int byStartOrder(Path a, Path b) {
    return Integer.compare(index(a), index(b));
  }

  private static int index(Path pidFile) {
    String name = pidFile.getFileName().toString().replace(".pid", "");
    return name.startsWith("taskmanager-") ? Integer.parseInt(name.substring(12)) : 0;
  }

  /** The jars this module resolved (written by the build): the cluster's classpath. */
  static String flinkClasspath() {
    try (InputStream in = LocalFlinkCluster.class.getResourceAsStream("cluster-classpath.txt")) {
      if (in == null) {
        throw new IllegalStateException(
            "cluster-classpath.txt is missing from flink-cluster's classes: build the module"
                + " with Maven (mvn -pl flink-cluster install)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
