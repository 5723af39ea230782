package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Serves every request: admin paths go to {@link AdminEndpoints}; API paths pass the faults, the
 * key and token check and the business check, then reach their {@link Route}. Every request is
 * logged with its endpoint, status and duration.
 */
final class ApiServer implements HttpHandler {
  private final List<Route> routes;
  private final AdminEndpoints admin;
  private final TokenIssuer tokens;
  private final FaultInjector faults;
  private final RequestLog log;
  private final Clock clock;
  private final String business;
  private final String businessParameter;

  ApiServer(
      List<Route> routes,
      AdminEndpoints admin,
      TokenIssuer tokens,
      FaultInjector faults,
      RequestLog log,
      Clock clock,
      String business,
      String businessParameter) {
    this.routes = routes;
    this.admin = admin;
    this.tokens = tokens;
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.business = business;
    this.businessParameter = businessParameter;
  }

  /** Thrown to make the JDK server close the connection mid-answer (the drop faults). */
  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DropConnection() {
      super("connection dropped by fault injection", null, false, false);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant at = clock.instant();
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String fullPath =
        exchange.getRequestURI().getRawQuery() == null
            ? rawPath
            : rawPath + "?" + exchange.getRequestURI().getRawQuery();
    String endpoint = method + " " + rawPath;
    int status = 500;
    boolean dropped = false;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      if (rawPath.startsWith(AdminEndpoints.PREFIX)) {
        endpoint = "ADMIN " + rawPath;
        AdminEndpoints.Answer answer = admin.handle(method, exchange.getRequestURI(), body);
        status = answer.status;
        send(exchange, answer.body, null, false, false, status);
        return;
      }
      ApiRequest req =
          new ApiRequest(
              method,
              exchange.getRequestURI(),
              exchange.getRequestHeaders(),
              body,
              absoluteBase(exchange));
      Route route = null;
      JsonNode answer;
      String retryAfter = null;
      boolean dropAfter = false;
      try {
        faults.delay();
        Map<String, String> pathValues = null;
        boolean pathKnown = false;
        if (rawPath.startsWith(FormalooEmulator.API_PREFIX)) {
          for (Route candidate : routes) {
            Map<String, String> values = candidate.match(req.path());
            if (values != null) {
              pathKnown = true;
              if (candidate.method.equals(method)) {
                route = candidate;
                pathValues = values;
                break;
              }
            }
          }
        }
        if (route != null) {
          endpoint = route.endpoint();
        }
        Duration wait = faults.throttle();
        if (wait != null) {
          retryAfter = retryAfter(wait);
          throw ApiException.detail(
              429,
              "Request was throttled. Expected available in "
                  + Math.max(1, (wait.toMillis() + 999) / 1000)
                  + " second(s).");
        }
        int serverError = faults.serverError();
        if (serverError != 0) {
          throw ApiException.detail(serverError, serverErrorDetail(serverError));
        }
        if (faults.dropBeforeWork()) {
          dropped = true;
          status = 0;
          drop(exchange);
        }
        if (route == null) {
          if (pathKnown) {
            throw ApiException.detail(405, "Method \"" + method + "\" not allowed.");
          }
          throw ApiException.notFound();
        }
        if (route.access != Route.Access.TOKEN_REQUEST) {
          tokens.authenticate(req, route.access == Route.Access.KEY_ALONE_ALLOWED);
        }
        if (route.takesBusiness) {
          String asked = req.param(businessParameter);
          if (asked != null && !asked.equals(business)) {
            throw FieldErrors.single(
                businessParameter,
                "Business \""
                    + asked
                    + "\" does not exist or cannot be reached with this API key.");
          }
          req.business(business);
        }
        ApiResponse response = route.handler.handle(req, pathValues);
        status = response.status();
        answer = response.body();
        dropAfter = faults.dropAfterWork();
      } catch (ApiException e) {
        status = e.status();
        answer = e.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 503;
        answer = ApiException.detail(503, "The emulator is shutting down.").body();
      }
      if (dropAfter) {
        dropped = true;
      }
      send(exchange, answer, retryAfter, dropAfter, faults.faults().envelope(), status);
    } catch (DropConnection e) {
      throw e;
    } catch (RuntimeException e) {
      status = 500;
      ObjectNode error = Json.MAPPER.createObjectNode();
      error.put("detail", "A server error occurred.");
      send(exchange, error, null, false, false, 500);
      throw e;
    } finally {
      log.record(
          new RequestLogEntry(
              at,
              method,
              fullPath,
              endpoint,
              status,
              Duration.ofNanos(System.nanoTime() - started),
              dropped));
    }
  }

  private void send(
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
  private static void drop(HttpExchange exchange) throws IOException {
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

  private String retryAfter(Duration wait) {
    switch (faults.faults().retryAfterMode()) {
      case SECONDS:
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
      case HTTP_DATE:
        // An HTTP date has whole seconds: round up so the client never comes back too early.
        Instant when = clock.instant().plus(wait).plusSeconds(1);
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(when.atZone(ZoneOffset.UTC));
      default:
        return null;
    }
  }

  private static String serverErrorDetail(int status) {
    switch (status) {
      case 502:
        return "Bad gateway.";
      case 503:
        return "Service temporarily unavailable, try again later.";
      default:
        return "A server error occurred.";
    }
  }

  private static String absoluteBase(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.isBlank()) {
      host =
          exchange.getLocalAddress().getAddress().getHostAddress()
              + ":"
              + exchange.getLocalAddress().getPort();
    }
    return "http://" + host + FormalooEmulator.API_PREFIX;
  }
}
