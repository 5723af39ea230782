package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Puts a decided {@link Outcome} on the wire: as JSON, in the envelope when the faults ask for it,
 * cut off by a drop fault, or replaced by an answer-level {@link HostileAnswer}. Kept apart from
 * deciding the answer so that every way of breaking an answer lives in one place.
 */
final class AnswerWriter {
  /** How long a stalled answer ({@link HostileAnswer#STALL_MID_BODY}) holds on at most. */
  private static final Duration MAX_STALL = Duration.ofMinutes(1);

  private static final byte[] HTML_502 =
      ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
              + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
              + "</body>\r\n</html>\r\n")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] NOT_JSON = "OK\n".getBytes(StandardCharsets.UTF_8);

  private final FaultInjector faults;

  AnswerWriter(FaultInjector faults) {
    this.faults = faults;
  }

  /** Thrown to make the JDK server close the connection mid-answer (the drop faults). */
  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DropConnection() {
      super("connection dropped by fault injection", null, false, false);
    }
  }

  /**
   * The hostile answer that replaces this one, or {@code NONE}: only a successful {@code GET} gets
   * one, and only the kinds sent here (the page-level kinds are {@link Paginator}'s).
   */
  static HostileAnswer answerLevelHostility(String method, Outcome outcome, Faults f) {
    HostileAnswer hostile = f.hostileAnswer();
    if (!method.equals("GET")
        || outcome.dropBeforeWork
        || outcome.status < 200
        || outcome.status >= 300
        || outcome.body == null) {
      return HostileAnswer.NONE;
    }
    switch (hostile) {
      case TRUNCATED_JSON:
      case HTML_ERROR_PAGE:
      case NOT_JSON:
      case WRONG_CONTENT_TYPE:
      case FOREIGN_REDIRECT:
      case STALL_MID_BODY:
        return hostile;
      default:
        return HostileAnswer.NONE;
    }
  }

  /** Sends the hostile answer {@code f} sets in place of {@code outcome}. */
  void sendHostile(HttpExchange exchange, URI uri, Outcome outcome, Faults f) throws IOException {
    byte[] whole = Json.bytes(f.envelope() ? envelope(outcome.status, outcome.body) : outcome.body);
    switch (f.hostileAnswer()) {
      case TRUNCATED_JSON:
        sendWhole(
            exchange, outcome.status, "application/json", Arrays.copyOf(whole, whole.length / 2));
        return;
      case HTML_ERROR_PAGE:
        sendWhole(exchange, 502, "text/html; charset=utf-8", HTML_502);
        return;
      case NOT_JSON:
        sendWhole(exchange, outcome.status, "application/json", NOT_JSON);
        return;
      case WRONG_CONTENT_TYPE:
        sendWhole(exchange, outcome.status, "text/html; charset=utf-8", whole);
        return;
      case FOREIGN_REDIRECT:
        String path = uri.getRawPath().substring(FormalooEmulator.API_PREFIX.length());
        exchange
            .getResponseHeaders()
            .set(
                "Location",
                f.foreignBaseUrl()
                    + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
        return;
      case STALL_MID_BODY:
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(outcome.status, whole.length);
        OutputStream out = exchange.getResponseBody();
        out.write(whole, 0, whole.length / 2);
        out.flush();
        try {
          faults.awaitChange(f, MAX_STALL);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new DropConnection();
      default:
        throw new IllegalStateException("not an answer-level hostile answer: " + f.hostileAnswer());
    }
  }

  private static void sendWhole(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends a JSON answer; with {@code drop}, half of it and then drops the connection. */
  void send(
      HttpExchange exchange,
      JsonNode body,
      String retryAfter,
      boolean drop,
      boolean envelope,
      int status)
      throws IOException {
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
    }
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    JsonNode payload = envelope ? envelope(status, body) : body;
    byte[] bytes = Json.bytes(payload);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    if (drop) {
      OutputStream out = exchange.getResponseBody();
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      throw new DropConnection();
    }
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Drops the connection before any answer: headers promise a body that never comes. */
  static void drop(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 1024);
    exchange.getResponseBody().flush();
    throw new DropConnection();
  }

  private static ObjectNode envelope(int status, JsonNode body) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("status", status);
    boolean ok = status >= 200 && status < 300;
    node.set("errors", ok ? Json.MAPPER.createObjectNode() : body);
    node.set("data", ok ? body : null);
    return node;
  }
}
