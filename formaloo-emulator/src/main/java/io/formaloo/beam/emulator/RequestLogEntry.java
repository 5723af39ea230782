package io.formaloo.beam.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the emulator answered (or dropped). {@code status} is what the emulator decided to
 * answer; {@code dropped} says the client never received it whole.
 */
public final class RequestLogEntry {
  private final Instant at;
  private final String method;
  private final String path;
  private final String endpoint;
  private final int status;
  private final Duration duration;
  private final boolean dropped;

  RequestLogEntry(
      Instant at,
      String method,
      String path,
      String endpoint,
      int status,
      Duration duration,
      boolean dropped) {
    this.at = at;
    this.method = method;
    this.path = path;
    this.endpoint = endpoint;
    this.status = status;
    this.duration = duration;
    this.dropped = dropped;
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

  @Override
  public String toString() {
    return method
        + " "
        + path
        + " -> "
        + status
        + (dropped ? " (dropped)" : "")
        + " in "
        + duration.toMillis()
        + " ms";
  }
}
