package io.formaloo.beam.io.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A call to the Formaloo API that did not succeed, after the client's retries.
 *
 * <p>It carries what a caller needs to act: the {@link #kind()}, the HTTP status (0 when no answer
 * came), the method and the path of the request (never its query string, headers or body, so never
 * a credential), and the API's own explanation as DRF writes it: a {@code detail} or field errors.
 * The message is built from the same parts; the client also strips any credential it knows from the
 * text the API sent back before it gets here.
 */
public class FormalooException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final int status;
  private final String method;
  private final String path;
  private final @Nullable String detail;
  private final Map<String, List<String>> fieldErrors;
  private final int attempts;

  FormalooException(
      ErrorKind kind,
      int status,
      String method,
      String path,
      @Nullable String detail,
      Map<String, List<String>> fieldErrors,
      int attempts,
      @Nullable String summary,
      @Nullable Throwable cause) {
    super(message(status, method, path, detail, fieldErrors, attempts, summary), cause);
    this.kind = kind;
    this.status = status;
    this.method = method;
    this.path = path;
    this.detail = detail;
    this.fieldErrors = copy(fieldErrors);
    this.attempts = attempts;
  }

  /** What the caller should do about it. */
  public ErrorKind kind() {
    return kind;
  }

  /** Whether the same request may succeed if it is sent again later. */
  public boolean isRetryable() {
    return kind.isRetryable();
  }

  /** The HTTP status of the last answer, or 0 when the last attempt got no answer. */
  public int status() {
    return status;
  }

  /** The HTTP method of the request. */
  public String method() {
    return method;
  }

  /** The path of the request, without its query string. */
  public String path() {
    return path;
  }

  /** The API's {@code detail}, when it sent one. */
  public @Nullable String detail() {
    return detail;
  }

  /** The API's field errors ({@code {"email": ["Enter a valid email address."]}}), maybe empty. */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /** How many times the request was sent. */
  public int attempts() {
    return attempts;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> fieldErrors) {
    // LinkedHashMap and ArrayList, not Map.copyOf: the exception must stay Serializable and
    // ordered.
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fieldErrors.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  private static String message(
      int status,
      String method,
      String path,
      @Nullable String detail,
      Map<String, List<String>> fieldErrors,
      int attempts,
      @Nullable String summary) {
    StringBuilder m = new StringBuilder();
    m.append(method).append(' ').append(path);
    if (status > 0) {
      m.append(" answered ").append(status);
    } else {
      m.append(" got no answer");
    }
    if (summary != null) {
      m.append(": ").append(summary);
    }
    if (detail != null) {
      m.append(summary == null ? ": " : "; ").append(detail);
    }
    if (!fieldErrors.isEmpty()) {
      m.append(summary == null && detail == null ? ": " : "; ");
      String sep = "";
      for (Map.Entry<String, List<String>> e : fieldErrors.entrySet()) {
        m.append(sep).append(e.getKey()).append(": ").append(String.join(" ", e.getValue()));
        sep = "; ";
      }
    }
    m.append(" (").append(attempts).append(attempts == 1 ? " attempt)" : " attempts)");
    return m.toString();
  }
}
