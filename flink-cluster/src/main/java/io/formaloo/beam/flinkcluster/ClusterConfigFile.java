package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster's {@code config.yaml}. Flink's own start scripts compute a TaskManager's memory
 * components and pass them as dynamic properties; started from the entry point directly, a
 * TaskManager needs them spelled out, so every component is set here (and the JVM's flags in {@link
 * ClusterProcess} match them). Everything binds to loopback.
 */
final class ClusterConfigFile {
  /** Heap of a TaskManager: framework and task heap below. */
  static final int TASK_MANAGER_HEAP_MB = 128 + 768;

  /** Direct memory of a TaskManager: framework and task off-heap plus the network buffers. */
  static final int TASK_MANAGER_DIRECT_MB = 128 + 256;

  private ClusterConfigFile() {}

  static Map<String, String> settings(ClusterLayout layout, ClusterPorts ports, int slots) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jobmanager.rpc.address", ClusterPorts.HOST);
    s.put("jobmanager.rpc.port", Integer.toString(ports.jobManagerRpc()));
    s.put("jobmanager.bind-host", ClusterPorts.HOST);
    s.put("rest.address", ClusterPorts.HOST);
    s.put("rest.bind-address", ClusterPorts.HOST);
    s.put("rest.port", Integer.toString(ports.rest()));
    s.put("blob.server.port", Integer.toString(ports.blobServer()));
    s.put("taskmanager.host", ClusterPorts.HOST);
    s.put("taskmanager.bind-host", ClusterPorts.HOST);
    s.put("taskmanager.rpc.port", "0");
    s.put("taskmanager.data.port", "0");
    s.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
    s.put("parallelism.default", Integer.toString(slots));
    // A job of parallelism 4 on two TaskManagers of two slots uses both, not one and a half.
    s.put("cluster.evenly-spread-out-slots", "true");
    s.put("taskmanager.cpu.cores", Integer.toString(slots));
    s.put("taskmanager.memory.framework.heap.size", "128m");
    s.put("taskmanager.memory.task.heap.size", "768m");
    s.put("taskmanager.memory.managed.size", "64m");
    s.put("taskmanager.memory.framework.off-heap.size", "128m");
    s.put("taskmanager.memory.task.off-heap.size", "0m");
    // A Beam job is hundreds of Flink tasks, each with its gates and partitions: more, smaller
    // network buffers than Flink's defaults (16,384 of 16 KiB), or a job fails at deployment with
    // "Insufficient number of network buffers".
    s.put("taskmanager.memory.network.min", "256m");
    s.put("taskmanager.memory.network.max", "256m");
    s.put("taskmanager.memory.segment-size", "16kb");
    s.put("taskmanager.memory.jvm-metaspace.size", "256m");
    s.put("taskmanager.memory.jvm-overhead.min", "192m");
    s.put("taskmanager.memory.jvm-overhead.max", "192m");
    s.put("jobmanager.memory.process.size", "1024m");
    // A TaskManager that dies is noticed by the failed heartbeat requests to it (two, one every
    // 2 s: heartbeat.rpc-failure-threshold) rather than by the timeout, which stays long because
    // a TaskManager busy deploying a large Beam job on two shared cores answers late, not never.
    s.put("heartbeat.interval", "2000");
    s.put("heartbeat.timeout", "60000");
    s.put("heartbeat.rpc-failure-threshold", "2");
    s.put("io.tmp.dirs", layout.tmpDir().toString());
    s.put("blob.storage.directory", layout.blobsDir().toString());
    s.put("web.tmpdir", layout.tmpDir().resolve("web").toString());
    s.put("web.submit.enable", "false");
    return s;
  }

  static void write(ClusterLayout layout, ClusterPorts ports, int slots) throws IOException {
    Files.createDirectories(layout.confDir());
    String yaml =
        settings(layout, ports, slots).entrySet().stream()
            .map(e -> e.getKey() + ": " + quoted(e.getValue()))
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(layout.configFile(), yaml, StandardCharsets.UTF_8);
  }

  // config.yaml is standard YAML in Flink 1.19: quote values so that paths and sizes stay text.
  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
