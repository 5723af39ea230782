package io.formaloo.beam.io.client;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The credential headers of one attempt, and the token they carry (to invalidate it on a 401). */
final class Authorization {
  static final Authorization NONE = new Authorization(Map.of(), null);

  final Map<String, String> headers;
  final @Nullable AccessToken token;

  Authorization(Map<String, String> headers, @Nullable AccessToken token) {
    this.headers = headers;
    this.token = token;
  }

  @Override
  public String toString() {
    return "Authorization{****}";
  }
}
