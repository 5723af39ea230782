package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves every request: admin paths go to {@link AdminEndpoints}; API paths pass the faults, the
 * key and token check and the business check, then reach their {@link Route}. Every request is
 * logged with its endpoint, status and duration; {@link AnswerWriter} then sends the answer.
 */
final class ApiServer implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

  /** The endpoint that writes one customer: what {@link Faults#slowCustomer()} applies to. */
  private static final String CUSTOMER_WRITE = "POST /customers/";

  private final List<Route> routes;
  private final AdminEndpoints admin;
  private final TokenIssuer tokens;
  private final FaultInjector faults;
  private final AnswerWriter writer;
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
    this.writer = new AnswerWriter(faults);
    this.log = log;
    this.clock = clock;
    this.business = business;
    this.businessParameter = businessParameter;
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
      writer.send(exchange, answer.body, null, false, false, answer.status);
      return;
    }
    Outcome outcome = decide(exchange, method, uri, body);
    Faults current = faults.faults();
    HostileAnswer hostile = AnswerWriter.answerLevelHostility(method, outcome, current);
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
      AnswerWriter.drop(exchange);
    }
    if (hostile != HostileAnswer.NONE) {
      writer.sendHostile(exchange, uri, outcome, current);
      return;
    }
    writer.send(
        exchange,
        outcome.body,
        outcome.retryAfter,
        outcome.dropAfterWork,
        faults.faults().envelope(),
        outcome.status);
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
