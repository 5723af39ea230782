package io.formaloo.beam.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.pipelines.records.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a Flink cluster's REST API (the web UI's) shows about its jobs, for assertions. */
public final class FlinkRest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public FlinkRest(String flinkMaster) {
    this.base = "http://" + flinkMaster;
  }

  /** The ids of every job the cluster ran or runs. */
  public List<String> jobIds() throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    get("/jobs").get("jobs").forEach(j -> ids.add(j.get("id").asText()));
    return ids;
  }

  /** A job's configuration, as the web UI shows it (the pipeline's options among it). */
  public String jobConfig(String jobId) throws IOException, InterruptedException {
    return text("/jobs/" + jobId + "/config");
  }

  /**
   * The TaskManagers running a subtask of {@code jobId} now, those running a vertex whose name
   * contains {@code preferred} first.
   */
  public List<String> taskManagersRunning(String jobId, String preferred)
      throws IOException, InterruptedException {
    List<String> first = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (JsonNode vertex : get("/jobs/" + jobId).get("vertices")) {
      if (!vertex.get("status").asText().equals("RUNNING")) {
        continue;
      }
      List<String> into = vertex.get("name").asText().contains(preferred) ? first : others;
      for (JsonNode subtask :
          get("/jobs/" + jobId + "/vertices/" + vertex.get("id").asText()).get("subtasks")) {
        String taskManager = subtask.path("taskmanager-id").asText();
        if (subtask.get("status").asText().equals("RUNNING") && !into.contains(taskManager)) {
          into.add(taskManager);
        }
      }
    }
    List<String> all = new ArrayList<>(first);
    others.stream().filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }

  /** The failures a job recovered from (or died of), newest first. */
  public JsonNode exceptionHistory(String jobId) throws IOException, InterruptedException {
    return get("/jobs/" + jobId + "/exceptions").get("exceptionHistory").get("entries");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return Json.MAPPER.readTree(text(path));
  }

  private String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
