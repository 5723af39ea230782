package io.formaloo.beam.flinkcluster;

import java.nio.file.Path;

/**
 * Where a local cluster keeps its files, under one folder: the generated configuration, each
 * process's log and pid, Flink's temporary files and blobs, and the address the cluster serves.
 * Everything a later {@code stop} needs is read back from here, so start and stop may be different
 * processes.
 */
record ClusterLayout(Path root) {
  static final String JOBMANAGER = "jobmanager";

  ClusterLayout {
    root = root.toAbsolutePath().normalize();
  }

  Path confDir() {
    return root.resolve("conf");
  }

  Path configFile() {
    return confDir().resolve("config.yaml");
  }

  Path logsDir() {
    return root.resolve("logs");
  }

  Path log(String process) {
    return logsDir().resolve(process + ".log");
  }

  Path pidsDir() {
    return root.resolve("pids");
  }

  Path pid(String process) {
    return pidsDir().resolve(process + ".pid");
  }

  Path tmpDir() {
    return root.resolve("tmp");
  }

  Path blobsDir() {
    return root.resolve("blobs");
  }

  /** The REST address, written once the cluster is up, for {@code status} and the tests. */
  Path masterFile() {
    return root.resolve("flink_master");
  }

  static String taskManager(int index) {
    return "taskmanager-" + index;
  }
}
