package io.formaloo.beam.io.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the same credentials every time: {@code x-api-key} alone ({@link AuthFlow#WRITE_KEY_ONLY})
 * or with a token obtained elsewhere ({@link AuthFlow#STATIC_TOKEN}). Nothing to renew, so a 401 is
 * final.
 */
final class FixedAuthenticator implements Authenticator {
  private final Secrets secrets;
  private final Authorization authorization;
  private final String rejection;

  private FixedAuthenticator(Secrets secrets, Map<String, String> headers, String rejection) {
    this.secrets = secrets;
    this.authorization = new Authorization(headers, null);
    this.rejection = rejection;
  }

  static FixedAuthenticator apiKeyOnly(Secrets secrets, String host) {
    return new FixedAuthenticator(
        secrets, Map.of("x-api-key", secrets.apiKey()), "the API key was rejected by " + host);
  }

  static FixedAuthenticator staticToken(Secrets secrets, String host) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", secrets.apiKey());
    headers.put("Authorization", "Bearer " + secrets.accessToken());
    return new FixedAuthenticator(
        secrets, headers, "the API key or access token was rejected by " + host);
  }

  @Override
  public Authorization authorize() {
    return authorization;
  }

  @Override
  public boolean canRenew() {
    return false;
  }

  @Override
  public void rejected(Authorization used) {}

  @Override
  public String rejection() {
    return rejection;
  }

  @Override
  public String redact(String text) {
    return secrets.redact(text);
  }
}
