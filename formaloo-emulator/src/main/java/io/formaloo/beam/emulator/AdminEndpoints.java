package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own paths under {@code /__emulator/}, for scripts: counts, lookups, the request
 * log, and fault settings. They need no credentials (the emulator listens on loopback) and are
 * never subject to faults.
 *
 * <ul>
 *   <li>{@code GET /__emulator/stats}: record counts, requests per endpoint and per status;
 *   <li>{@code GET /__emulator/requests?limit=N}: the most recent requests, with the names of the
 *       credential headers each carried;
 *   <li>{@code GET /__emulator/customers?email=|code=}: one customer, as the API renders it;
 *   <li>{@code GET /__emulator/activities?slug=}: one activity;
 *   <li>{@code GET|POST /__emulator/faults}: the fault settings (see {@link FaultsJson});
 *   <li>{@code POST /__emulator/expire-tokens}, {@code POST /__emulator/reset-log}.
 * </ul>
 */
final class AdminEndpoints {
  static final String PREFIX = "/__emulator/";

  /** An admin answer. */
  static final class Answer {
    final int status;
    final JsonNode body;

    Answer(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }
  }

  private final FormalooEmulator emulator;

  AdminEndpoints(FormalooEmulator emulator) {
    this.emulator = emulator;
  }

  Answer handle(String method, URI uri, byte[] body) {
    String what = uri.getPath().substring(PREFIX.length());
    Map<String, String> query = ApiRequest.parseForm(uri.getRawQuery());
    try {
      switch (method + " " + what) {
        case "GET stats":
          return ok(stats());
        case "GET requests":
          return ok(requests(query.get("limit")));
        case "GET customers":
          return lookupCustomer(query);
        case "GET activities":
          return lookupActivity(query.get("slug"));
        case "GET faults":
          return ok(FaultsJson.toJson(emulator.faults()));
        case "POST faults":
          emulator.setFaults(FaultsJson.fromJson(Json.MAPPER.readTree(body), emulator.faults()));
          return ok(FaultsJson.toJson(emulator.faults()));
        case "POST expire-tokens":
          emulator.expireAllTokens();
          return ok(message("every token issued so far has expired"));
        case "POST reset-log":
          emulator.resetRequestLog();
          return ok(message("request log cleared"));
        default:
          return new Answer(404, message("no such emulator path: " + method + " " + uri.getPath()));
      }
    } catch (IOException | IllegalArgumentException e) {
      return new Answer(400, message(e.getMessage()));
    }
  }

  private ObjectNode stats() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("customers", emulator.customerCount());
    node.put("activities", emulator.activityCount());
    node.put("batch_jobs", emulator.batchJobCount());
    node.put("requests", emulator.requestCount());
    ObjectNode endpoints = node.putObject("endpoints");
    emulator.endpointCounts().forEach(endpoints::put);
    ObjectNode statuses = node.putObject("statuses");
    emulator.statusCounts().forEach((status, count) -> statuses.put(status.toString(), count));
    return node;
  }

  private ArrayNode requests(String limit) {
    List<RequestLogEntry> entries = emulator.requestLog();
    int n = limit == null ? entries.size() : Math.min(entries.size(), Integer.parseInt(limit));
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (RequestLogEntry e : entries.subList(entries.size() - n, entries.size())) {
      ObjectNode row = array.addObject();
      row.put("at", Json.timestamp(e.at()));
      row.put("method", e.method());
      row.put("path", e.path());
      row.put("endpoint", e.endpoint());
      row.put("status", e.status());
      row.put("duration_ms", e.duration().toNanos() / 1e6);
      row.put("dropped", e.dropped());
      row.put("received", e.received());
      row.put("answered", e.answered());
      if (e.subject() != null) {
        row.put("subject", e.subject());
      }
      ArrayNode credentials = row.putArray("credentials");
      e.credentials().forEach(credentials::add);
    }
    return array;
  }

  private Answer lookupCustomer(Map<String, String> query) {
    JsonNode found =
        query.containsKey("email")
            ? emulator.findCustomerByEmail(query.get("email"))
            : query.containsKey("code") ? emulator.findCustomerByCode(query.get("code")) : null;
    return found == null ? new Answer(404, message("no such customer")) : ok(found);
  }

  private Answer lookupActivity(String slug) {
    JsonNode found = slug == null ? null : emulator.findActivityBySlug(slug);
    return found == null ? new Answer(404, message("no such activity")) : ok(found);
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private static ObjectNode message(String text) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("detail", text);
    return node;
  }

  /** Faults as JSON, snake_case like the API: what scripts post to {@code /__emulator/faults}. */
  static final class FaultsJson {
    private FaultsJson() {}

    static ObjectNode toJson(Faults f) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("latency_ms", f.latency().toMillis());
      node.put("jitter_ms", f.latencyJitter().toMillis());
      node.put("rate_limit", f.rateLimitPerSecond());
      node.put("retry_after", f.retryAfterMode().name().toLowerCase(java.util.Locale.ROOT));
      node.put("error_rate", f.errorRate());
      node.put("drop_rate", f.dropRate());
      node.put("drop_after_commit_rate", f.dropAfterCommitRate());
      node.put("batch_job_failure_rate", f.batchJobFailureRate());
      node.put("envelope", f.envelope());
      node.put("inserts_per_list_request", f.insertsPerListRequest());
      node.put("deletes_per_list_request", f.deletesPerListRequest());
      node.put("churn", f.churn().toString());
      node.put("server_page_size", f.serverPageSize());
      node.put("hostile_answer", f.hostileAnswer().name().toLowerCase(java.util.Locale.ROOT));
      if (f.hostileAnswer() == HostileAnswer.WRONG_COUNT) {
        node.put("hostile_count", f.hostileCount());
      }
      if (f.foreignBaseUrl() != null) {
        node.put("foreign_base_url", f.foreignBaseUrl());
      }
      return node;
    }

    /** Changes the settings the JSON names and keeps the others. */
    static Faults fromJson(JsonNode json, Faults current) {
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException("expected a JSON object of fault settings");
      }
      Faults.Builder b = current.toBuilder();
      Duration latency = current.latency();
      Duration jitter = current.latencyJitter();
      if (json.has("latency_ms")) {
        latency = Duration.ofMillis(json.get("latency_ms").asLong());
      }
      if (json.has("jitter_ms")) {
        jitter = Duration.ofMillis(json.get("jitter_ms").asLong());
      }
      b.latency(latency, jitter);
      if (json.has("rate_limit") || json.has("retry_after")) {
        double rate =
            json.has("rate_limit")
                ? json.get("rate_limit").asDouble()
                : current.rateLimitPerSecond();
        Faults.RetryAfterMode mode =
            json.has("retry_after")
                ? Faults.RetryAfterMode.valueOf(
                    json.get("retry_after").asText().toUpperCase(java.util.Locale.ROOT))
                : current.retryAfterMode();
        b.rateLimit(rate, mode);
      }
      if (json.has("error_rate")) {
        b.errorRate(json.get("error_rate").asDouble());
      }
      if (json.has("drop_rate")) {
        b.dropRate(json.get("drop_rate").asDouble());
      }
      if (json.has("drop_after_commit_rate")) {
        b.dropAfterCommitRate(json.get("drop_after_commit_rate").asDouble());
      }
      if (json.has("batch_job_failure_rate")) {
        b.batchJobFailureRate(json.get("batch_job_failure_rate").asDouble());
      }
      if (json.has("envelope")) {
        b.envelope(json.get("envelope").asBoolean());
      }
      if (json.has("inserts_per_list_request")) {
        b.insertsPerListRequest(json.get("inserts_per_list_request").asInt());
      }
      if (json.has("deletes_per_list_request")) {
        b.deletesPerListRequest(json.get("deletes_per_list_request").asInt());
      }
      if (json.has("server_page_size")) {
        b.serverPageSize(json.get("server_page_size").asInt());
      }
      if (json.has("churn_inserts_per_request") || json.has("churn_deletes_per_request")) {
        b.churn(
            Churn.builder()
                .perRequest(
                    json.path("churn_inserts_per_request").asDouble(0),
                    json.path("churn_deletes_per_request").asDouble(0))
                .build());
      }
      if (json.has("hostile_answer")) {
        hostileAnswer(b, json);
      }
      return b.build();
    }

    /**
     * {@code "hostile_answer"} names a {@link HostileAnswer} in lower case; {@code wrong_count}
     * takes {@code "hostile_count"}, {@code foreign_next} and {@code foreign_redirect} take {@code
     * "foreign_base_url"}.
     */
    private static void hostileAnswer(Faults.Builder b, JsonNode json) {
      HostileAnswer answer =
          HostileAnswer.valueOf(
              json.get("hostile_answer").asText().toUpperCase(java.util.Locale.ROOT));
      switch (answer) {
        case WRONG_COUNT:
          if (!json.path("hostile_count").isIntegralNumber()) {
            throw new IllegalArgumentException("hostile_answer wrong_count needs hostile_count");
          }
          b.wrongCount(json.get("hostile_count").asLong());
          break;
        case FOREIGN_NEXT:
          b.foreignNext(json.path("foreign_base_url").asText(null));
          break;
        case FOREIGN_REDIRECT:
          b.foreignRedirect(json.path("foreign_base_url").asText(null));
          break;
        default:
          b.hostileAnswer(answer);
      }
    }
  }
}
