package io.formaloo.beam.flinkcluster;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated configuration: loopback only, the chosen ports, files under the cluster's folder.
 */
class ClusterConfigFileTest {
  @TempDir Path dir;

  @Test
  void everyAddressIsLoopback() {
    Map<String, String> s = settings();
    for (String key :
        new String[] {
          "jobmanager.rpc.address",
          "jobmanager.bind-host",
          "rest.address",
          "rest.bind-address",
          "taskmanager.host",
          "taskmanager.bind-host"
        }) {
      assertThat(key, s.get(key), is("127.0.0.1"));
    }
  }

  @Test
  void theJobManagerListensOnTheChosenPorts() {
    Map<String, String> s = settings();
    assertThat(s.get("jobmanager.rpc.port"), is("6001"));
    assertThat(s.get("rest.port"), is("6002"));
    assertThat(s.get("blob.server.port"), is("6003"));
  }

  @Test
  void flinksFilesStayUnderTheClustersFolder() {
    Map<String, String> s = settings();
    assertThat(s.get("io.tmp.dirs"), startsWith(dir.toAbsolutePath().toString()));
    assertThat(s.get("blob.storage.directory"), startsWith(dir.toAbsolutePath().toString()));
  }

  @Test
  void eachTaskManagerHasTheSlotsAsked() {
    assertThat(settings().get("taskmanager.numberOfTaskSlots"), is("3"));
  }

  private Map<String, String> settings() {
    return ClusterConfigFile.settings(
        new ClusterLayout(dir), new ClusterPorts(6001, 6002, 6003), 3);
  }
}
