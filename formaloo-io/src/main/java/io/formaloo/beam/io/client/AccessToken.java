package io.formaloo.beam.io.client;

/** A token and when to stop using it. Its {@code toString} never shows the token. */
final class AccessToken {
  final String value;

  /** The {@code Authorization} scheme it is sent with: {@code JWT} or {@code Bearer}. */
  final String scheme;

  /** The {@code nanoTime} after which the token is renewed before use. */
  final long refreshAtNanos;

  AccessToken(String value, String scheme, long refreshAtNanos) {
    this.value = value;
    this.scheme = scheme;
    this.refreshAtNanos = refreshAtNanos;
  }

  boolean isFreshAt(long nowNanos) {
    return nowNanos - refreshAtNanos < 0;
  }

  String authorizationHeader() {
    return scheme + " " + value;
  }

  @Override
  public String toString() {
    return "AccessToken{" + scheme + " ****}";
  }
}
