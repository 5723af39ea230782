package io.formaloo.beam.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request the emulator answered (or dropped). {@code status} is what the emulator decided to
 * answer; {@code dropped} says the client never received it whole; {@code credentials} names the
 * credential headers the request carried (never their values).
 */
public final class RequestLogEntry {
  private final Instant at;
  private final String method;
  private final String path;
  private final String endpoint;
  private final int status;
  private final Duration duration;
  private final boolean dropped;
  private final List<String> credentials;

  RequestLogEntry(
      Instant at,
      String method,
      String path,
      String endpoint,
      int status,
      Duration duration,
      boolean dropped,
      List<String> credentials) {
    this.at = at;
    this.method = method;
    this.path = path;
    this.endpoint = endpoint;
    this.status = status;
    this.duration = duration;
    this.dropped = dropped;
    this.credentials = List.copyOf(credentials);
  }

  public Instant at() {
    return at;
  }

  public String method() {
    return method;
  }

  /** The full path with its query, e.g. {@code /v1.0/customers/?page=2&active_business=acme}. */
  public String path() {
    return path;
  }

  /** The endpoint template, e.g. {@code GET /customers/{code}/}. */
  public String endpoint() {
    return endpoint;
  }

  public int status() {
    return status;
  }

  public Duration duration() {
    return duration;
  }

  public boolean dropped() {
    return dropped;
  }

  /**
   * The credential headers the request carried, by name, lower case: {@code authorization}, {@code
   * x-api-key}; empty when it carried none. Their values are never kept.
   */
  public List<String> credentials() {
    return credentials;
  }

  /** Whether the request carried any credential header. */
  public boolean carriedCredentials() {
    return !credentials.isEmpty();
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + " -> "
        + status
        + (dropped ? " (dropped)" : "")
        + (credentials.isEmpty() ? "" : " with " + String.join(", ", credentials))
        + " in "
        + duration.toMillis()
        + " ms";
  }
}
