package io.formaloo.beam.io.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Sends {@code x-api-key} and a token from the shared cache, renewing it on a 401. */
final class TokenAuthenticator implements Authenticator {
  private final Secrets secrets;
  private final CachedToken cache;
  private final TokenSource source;
  private final LongSupplier nanoTime;
  private final String host;

  TokenAuthenticator(
      Secrets secrets, CachedToken cache, TokenSource source, LongSupplier nanoTime, String host) {
    this.secrets = secrets;
    this.cache = cache;
    this.source = source;
    this.nanoTime = nanoTime;
    this.host = host;
  }

  @Override
  public Authorization authorize() {
    AccessToken token = cache.get(source, nanoTime);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", secrets.apiKey());
    headers.put("Authorization", token.authorizationHeader());
    return new Authorization(headers, token);
  }

  @Override
  public boolean canRenew() {
    return true;
  }

  @Override
  public void rejected(Authorization used) {
    if (used.token != null) {
      cache.invalidate(used.token);
    }
  }

  @Override
  public String rejection() {
    return "the API key or secret was rejected by " + host;
  }

  @Override
  public String redact(String text) {
    AccessToken token = cache.peek();
    return secrets.redact(text, token == null ? null : token.value);
  }
}
