package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Serves every request: admin paths go to {@link AdminEndpoints}; API paths pass the faults, the
 * key and token check and the business check, then reach their {@link Route}. Every request is
 * logged with its endpoint, status and duration.
 */
final class ApiServer implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

  /** How long a stalled answer ({@link HostileAnswer#STALL_MID_BODY}) holds on at most. */
  private static final Duration MAX_STALL = Duration.ofMinutes(1);

  private static final byte[] HTML_502 =
      ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
              + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
              + "</body>\r\n</html>\r\n")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] NOT_JSON = "OK\n".getBytes(StandardCharsets.UTF_8);

  /** The endpoint that writes one customer: what {@link Faults#slowCustomer()} applies to. */
  private static final String CUSTOMER_WRITE = "POST /customers/";

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

  /** What the server decided to answer, decided before a byte of it is sent. */
  private static final class Outcome {
    String endpoint;
    int status = 500;
    JsonNode body;
    String retryAfter;

    /** Drop the connection instead of answering: the work was not done. */
    boolean dropBeforeWork;

    /** Send half the answer, then drop the connection: the work was done. */
    boolean dropAfterWork;

    /** The e-mail address of a customer write, else null. */
    String customer;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    long received = log.nextEvent();
    Instant at = clock.instant();
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (uri.getRawPath().startsWith(AdminEndpoints.PREFIX)) {
      // Not logged: the log and counters describe what clients asked of the API.
      AdminEndpoints.Answer answer = admin.handle(method, uri, body);
      send(exchange, answer.body, null, false, false, answer.status);
      return;
    }
    Outcome outcome = decide(exchange, method, uri, body);
    Faults current = faults.faults();
    HostileAnswer hostile = answerLevelHostility(method, outcome, current);
    int status = outcome.status;
    if (hostile == HostileAnswer.HTML_ERROR_PAGE) {
      status = 502;
    } else if (hostile == HostileAnswer.FOREIGN_REDIRECT) {
      status = 302;
    }
    // Logged before the answer leaves, so a client that has its answer finds it in the log.
    log.record(
        new RequestLogEntry(
            at,
            method,
            uri.getRawQuery() == null
                ? uri.getRawPath()
                : uri.getRawPath() + "?" + uri.getRawQuery(),
            outcome.endpoint,
            outcome.dropBeforeWork ? 0 : status,
            Duration.ofNanos(System.nanoTime() - started),
            outcome.dropBeforeWork
                || outcome.dropAfterWork
                || hostile == HostileAnswer.STALL_MID_BODY,
            credentials(exchange.getRequestHeaders()),
            received,
            log.nextEvent(),
            outcome.customer));
    // Counted once logged, so that a write it releases is logged after it.
    faults.customerWriteAnswered(outcome.customer);
    if (outcome.dropBeforeWork) {
      drop(exchange);
    }
    if (hostile != HostileAnswer.NONE) {
      sendHostile(exchange, uri, outcome, current);
      return;
    }
    send(
        exchange,
        outcome.body,
        outcome.retryAfter,
        outcome.dropAfterWork,
        faults.faults().envelope(),
        outcome.status);
  }

  /**
   * The hostile answer that replaces this one, or {@code NONE}: only a successful {@code GET} gets
   * one, and only the kinds sent here (the page-level kinds are {@link Paginator}'s).
   */
  private static HostileAnswer answerLevelHostility(String method, Outcome outcome, Faults f) {
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

  private void sendHostile(HttpExchange exchange, URI uri, Outcome outcome, Faults f)
      throws IOException {
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

  /** The names of the credential headers a request carried, never their values. */
  private static List<String> credentials(Headers headers) {
    List<String> names = new ArrayList<>(2);
    for (String name : new String[] {"Authorization", "x-api-key"}) {
      List<String> values = headers.get(name);
      if (values != null && !values.isEmpty()) {
        names.add(name.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  private Outcome decide(HttpExchange exchange, String method, URI uri, byte[] body) {
    Outcome outcome = new Outcome();
    outcome.endpoint = method + " " + uri.getRawPath();
    ApiRequest req =
        new ApiRequest(method, uri, exchange.getRequestHeaders(), body, absoluteBase(exchange));
    try {
      faults.delay();
      Route route = null;
      Map<String, String> pathValues = null;
      boolean pathKnown = false;
      if (uri.getRawPath().startsWith(FormalooEmulator.API_PREFIX)) {
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
        outcome.endpoint = route.endpoint();
        if (outcome.endpoint.equals(CUSTOMER_WRITE)) {
          outcome.customer = emailOf(req);
        }
      }
      Duration wait = faults.throttle();
      if (wait != null) {
        outcome.retryAfter = retryAfter(wait);
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
        outcome.dropBeforeWork = true;
        return outcome;
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
        checkBusiness(req);
      }
      faults.holdCustomerWrite(outcome.customer);
      ApiResponse response = route.handler.handle(req, pathValues);
      outcome.status = response.status();
      outcome.body = response.body();
      outcome.dropAfterWork = faults.dropAfterWork();
    } catch (ApiException e) {
      outcome.status = e.status();
      outcome.body = e.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome.status = 503;
      outcome.body = ApiException.detail(503, "The emulator is shutting down.").body();
    } catch (RuntimeException e) {
      // A bug in a handler: answer as Django does (500, JSON detail) and keep serving.
      outcome.status = 500;
      outcome.body = ApiException.detail(500, "A server error occurred.").body();
      LOG.log(System.Logger.Level.ERROR, "handler failed on " + method + " " + uri, e);
    }
    return outcome;
  }

  /** The e-mail address a customer body names, or null (the handler answers a bad body). */
  private static String emailOf(ApiRequest req) {
    try {
      JsonNode email = req.json().get("email");
      return email != null && email.isTextual() ? email.asText() : null;
    } catch (ApiException e) {
      return null;
    }
  }

  /** The business named by the request, if any, must be the key's own. */
  private void checkBusiness(ApiRequest req) {
    String asked = req.param(businessParameter);
    if (asked != null && !asked.equals(business)) {
      throw FieldErrors.single(
          businessParameter,
          "Business \"" + asked + "\" does not exist or cannot be reached with this API key.");
    }
    req.business(business);
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
