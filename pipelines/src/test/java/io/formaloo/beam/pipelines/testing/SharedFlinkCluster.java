package io.formaloo.beam.pipelines.testing;

import io.formaloo.beam.flinkcluster.LocalFlinkCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local Flink session cluster of separate processes (a JobManager and two TaskManagers of two
 * slots: parallelism 4 across two workers) for every cluster test of the run: it takes seconds to
 * start, so the test classes share it, and it is stopped when the run ends. Tests that kill a
 * TaskManager start a replacement, so each test finds two. A test method or {@code @BeforeAll}
 * takes it as a {@link LocalFlinkCluster} parameter.
 */
public final class SharedFlinkCluster implements ParameterResolver {
  public static final int TASK_MANAGERS = 2;
  public static final int SLOTS = 2;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalFlinkCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store lives as long as the run and closes what it holds (an AutoCloseable) at its
    // end, after every class that used the cluster.
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedFlinkCluster.class))
        .getOrComputeIfAbsent(LocalFlinkCluster.class, k -> start(), LocalFlinkCluster.class);
  }

  private static LocalFlinkCluster start() {
    String dir = System.getProperty("flinkClusterDir", "target/flink-cluster-it");
    try {
      Path root = Paths.get(dir);
      // A cluster a killed earlier run left behind would hold the ports and the folder.
      LocalFlinkCluster.stop(root);
      return LocalFlinkCluster.start(root, TASK_MANAGERS, SLOTS);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Flink cluster in " + dir, e);
    }
  }
}
