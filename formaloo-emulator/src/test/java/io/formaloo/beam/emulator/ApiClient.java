package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP client for the emulator's own tests: real requests over a real socket, no connector
 * code, so these tests pin down the emulator alone.
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, JSON body (null when empty), and headers. */
  static final class Answer {
    final int status;
    final JsonNode body;
    final HttpResponse<String> raw;

    Answer(HttpResponse<String> raw) throws IOException {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body().isEmpty() ? null : JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final FormalooEmulator emulator;
  private final String root;
  private String authorization;
  private boolean sendKey = true;

  ApiClient(FormalooEmulator emulator) {
    this.emulator = emulator;
    this.root = emulator.baseUrl().substring(0, emulator.baseUrl().length() - "/v1.0".length());
  }

  /** A client that has fetched a token with the service's flow. */
  static ApiClient authenticated(FormalooEmulator emulator) throws Exception {
    ApiClient client = new ApiClient(emulator);
    client.authorization = "JWT " + client.serviceToken().body.get("authorization_token").asText();
    return client;
  }

  ApiClient authorization(String header) {
    this.authorization = header;
    return this;
  }

  ApiClient withoutKey() {
    this.sendKey = false;
    return this;
  }

  Answer serviceToken() throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(root + "/v1.0/oauth2/authorization-token/"))
            .header("Authorization", "Basic " + emulator.apiSecret())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
  }

  /** GET of a path below {@code /v1.0}, e.g. {@code /customers/?page=2}. */
  Answer get(String path) throws Exception {
    return send(api(path).GET());
  }

  Answer post(String path, String json) throws Exception {
    return send(
        api(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Answer patch(String path, String json) throws Exception {
    return send(
        api(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Answer delete(String path) throws Exception {
    return send(api(path).DELETE());
  }

  /** A raw request to any path of the server, e.g. an admin path. */
  Answer raw(String method, String pathFromRoot, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(root + pathFromRoot))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Every item of a paginated list, following {@code next} links. */
  List<JsonNode> all(String path, String listKey) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    Answer page = get(path);
    while (true) {
      if (page.status != 200) {
        throw new AssertionError("list page answered " + page);
      }
      page.body.get(listKey).forEach(items::add);
      JsonNode next = page.body.get("next");
      if (next == null || next.isNull()) {
        return items;
      }
      page = send(withCredentials(HttpRequest.newBuilder(URI.create(next.asText()))).GET());
    }
  }

  private HttpRequest.Builder api(String path) {
    return withCredentials(HttpRequest.newBuilder(URI.create(root + "/v1.0" + path)));
  }

  private HttpRequest.Builder withCredentials(HttpRequest.Builder builder) {
    builder.timeout(Duration.ofSeconds(20));
    if (sendKey) {
      builder.header("x-api-key", emulator.apiKey());
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }
}
