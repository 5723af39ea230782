package io.formaloo.beam.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request the emulator answered (or dropped). {@code status} is what the emulator decided to
 * answer; {@code dropped} says the client never received it whole; {@code credentials} names the
 * credential headers the request carried (never their values).
 *
 * <p>{@link #received()} and {@link #answered()} place the request on the emulator's event count,
 * which every arrival and every answer moves on by one: an order, not a time, so that a test can
 * tell which requests were answered while another waited ({@code a.received() < b.answered() <
 * a.answered()}) however slow the machine.
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
  private final long received;
  private final long answered;
  private final String subject;

  RequestLogEntry(
      Instant at,
      String method,
      String path,
      String endpoint,
      int status,
      Duration duration,
      boolean dropped,
      List<String> credentials,
      long received,
      long answered,
      String subject) {
    this.at = at;
    this.method = method;
    this.path = path;
    this.endpoint = endpoint;
    this.status = status;
    this.duration = duration;
    this.dropped = dropped;
    this.credentials = List.copyOf(credentials);
    this.received = received;
    this.answered = answered;
    this.subject = subject;
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

  /** Where the request's arrival is on the emulator's event count. */
  public long received() {
    return received;
  }

  /** Where its answer (or drop) is on the emulator's event count: after {@link #received()}. */
  public long answered() {
    return answered;
  }

  /**
   * The customer a {@code POST /customers/} was about, by its e-mail address as sent; null for
   * other requests and for bodies without one.
   */
  public String subject() {
    return subject;
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
        + (subject == null ? "" : " for " + subject)
        + (dropped ? " (dropped)" : "")
        + (credentials.isEmpty() ? "" : " with " + String.join(", ", credentials))
        + " in "
        + duration.toMillis()
        + " ms";
  }
}
