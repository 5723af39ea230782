package io.formaloo.beam.io.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a failed request into a {@link FormalooException} of the right {@link ErrorKind}.
 *
 * <ul>
 *   <li>{@link ErrorKind#CONFIGURATION}: 401 that a renewed token did not cure, 403, any 4xx of a
 *       token request, a 400 that names the business parameter (unknown business), any other 4xx to
 *       a read or a list (a 404 to a list included: the endpoint or the business is wrong), a
 *       redirect, an unknown host, a TLS failure, a connection refused before the server ever
 *       answered.
 *   <li>{@link ErrorKind#RECORD}: any other 4xx to a write, a 404 to one record.
 *   <li>{@link ErrorKind#QUOTA}, {@link ErrorKind#REMOTE}, {@link ErrorKind#TIMEOUT}: retryable
 *       failures that outlasted the retry policy: 429; 5xx and broken connections; 408, 504 and
 *       socket timeouts.
 * </ul>
 */
final class ErrorClassifier {
  private final String businessParameter;
  private final @Nullable String business;
  private final String host;

  ErrorClassifier(String businessParameter, @Nullable String business, String host) {
    this.businessParameter = businessParameter;
    this.business = business;
    this.host = host;
  }

  /** An answer that is not retried. */
  FormalooException refused(
      HttpCall call, int status, HttpAnswer answer, int attempts, Authenticator auth) {
    ErrorBody error = ErrorBody.parse(answer.body, auth::redact);
    ErrorKind kind;
    String summary = null;
    if (status == 401) {
      kind = ErrorKind.CONFIGURATION;
      summary = auth.rejection();
    } else if (call.purpose == HttpCall.Purpose.TOKEN && status >= 400 && status < 500) {
      kind = ErrorKind.CONFIGURATION;
      summary = auth.rejection();
    } else if (status == 403) {
      kind = ErrorKind.CONFIGURATION;
      summary = "the credentials may not do this at " + host;
    } else if (status == 400 && namesBusiness(error.fieldErrors)) {
      kind = ErrorKind.CONFIGURATION;
      summary =
          "the business '"
              + business
              + "' (query parameter "
              + businessParameter
              + ") is unknown to "
              + host;
    } else if (status >= 300 && status < 400) {
      kind = ErrorKind.CONFIGURATION;
      summary =
          "redirected to "
              + (answer.location == null ? "an unknown place" : hostOfLocation(answer.location))
              + "; the client follows no redirects, check baseUrl";
    } else if (status >= 400 && status < 500) {
      boolean oneRecord =
          call.purpose == HttpCall.Purpose.WRITE
              || (call.purpose == HttpCall.Purpose.READ && status == 404);
      kind = oneRecord && status != 405 ? ErrorKind.RECORD : ErrorKind.CONFIGURATION;
    } else {
      kind = ErrorKind.REMOTE;
    }
    return new FormalooException(
        kind,
        status,
        call.method,
        call.path,
        error.detail,
        error.fieldErrors,
        attempts,
        summary,
        null);
  }

  /** A retryable answer that came once too often. */
  FormalooException exhausted(
      HttpCall call, int status, HttpAnswer answer, int attempts, Authenticator auth) {
    ErrorBody error = ErrorBody.parse(answer.body, auth::redact);
    ErrorKind kind =
        status == 429
            ? ErrorKind.QUOTA
            : status == 408 || status == 504 ? ErrorKind.TIMEOUT : ErrorKind.REMOTE;
    return new FormalooException(
        kind,
        status,
        call.method,
        call.path,
        error.detail,
        error.fieldErrors,
        attempts,
        "gave up retrying",
        null);
  }

  /** A connection failure that happened once too often, or that no retry can cure. */
  FormalooException failed(HttpCall call, IOException e, int attempts, Authenticator auth) {
    ErrorKind kind;
    String what;
    if (e instanceof UnknownHostException) {
      kind = ErrorKind.CONFIGURATION;
      what = "cannot resolve " + host + ", check baseUrl";
    } else if (e instanceof SSLHandshakeException) {
      kind = ErrorKind.CONFIGURATION;
      what = "TLS with " + host + " failed (" + auth.redact(String.valueOf(e.getMessage())) + ")";
    } else if (e instanceof InterruptedIOException) {
      kind = ErrorKind.TIMEOUT;
      what = "timed out talking to " + host;
    } else {
      kind = ErrorKind.REMOTE;
      what =
          "connection to "
              + host
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + auth.redact(e.getMessage()));
    }
    return new FormalooException(
        kind, 0, call.method, call.path, null, Map.of(), attempts, what, e);
  }

  /**
   * A connection refused before the server ever answered: nothing listens at the base URL, which no
   * retry cures.
   */
  FormalooException refusedConnection(HttpCall call, IOException e, int attempts) {
    return new FormalooException(
        ErrorKind.CONFIGURATION,
        0,
        call.method,
        call.path,
        null,
        Map.of(),
        attempts,
        "connection to " + host + " refused: nothing listens there, check baseUrl",
        e);
  }

  /** The thread was interrupted while it waited to retry. */
  FormalooException interrupted(HttpCall call, int attempts) {
    return new FormalooException(
        ErrorKind.REMOTE,
        0,
        call.method,
        call.path,
        null,
        Map.of(),
        attempts,
        "interrupted while waiting to send",
        null);
  }

  /** Whether a field error names the business parameter: the service's "unknown business". */
  private boolean namesBusiness(Map<String, List<String>> fieldErrors) {
    return fieldErrors.containsKey(businessParameter);
  }

  private static String hostOfLocation(String location) {
    try {
      String host = java.net.URI.create(location).getHost();
      return host == null ? "another path" : host;
    } catch (IllegalArgumentException e) {
      return "an unreadable location";
    }
  }

  /**
   * Whether an I/O failure is worth retrying: all are but a failed TLS handshake (a certificate
   * that will not change). Even an unknown host is retried, as DNS does fail briefly.
   */
  static boolean isRetryable(IOException e) {
    return !(e instanceof SSLHandshakeException);
  }
}
