package io.formaloo.beam.flinkcluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the JobManager's REST API says about the cluster: which TaskManagers it holds. */
final class ClusterStatus {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI taskManagers;

  ClusterStatus(String restAddress) {
    this.taskManagers = URI.create("http://" + restAddress + "/taskmanagers");
  }

  /**
   * The ids of the TaskManagers registered (their names: each is started with its name as its
   * resource id), or empty while the REST endpoint does not answer yet. A TaskManager that died
   * stays listed until the JobManager notices.
   */
  Optional<Set<String>> registeredTaskManagers() throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(taskManagers).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      Set<String> ids = new LinkedHashSet<>();
      Matcher m = ID.matcher(response.body());
      while (m.find()) {
        ids.add(m.group(1));
      }
      return Optional.of(ids);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
