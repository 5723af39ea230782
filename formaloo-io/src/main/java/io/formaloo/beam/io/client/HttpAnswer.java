package io.formaloo.beam.io.client;

import org.checkerframework.checker.nullness.qual.Nullable;

/** An answer read whole: status, the headers the client acts on, and the body. */
final class HttpAnswer {
  final int status;
  final byte[] body;
  final @Nullable String retryAfter;
  final @Nullable String location;

  HttpAnswer(int status, byte[] body, @Nullable String retryAfter, @Nullable String location) {
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.location = location;
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "HttpAnswer{" + status + ", " + body.length + " bytes}";
  }
}
