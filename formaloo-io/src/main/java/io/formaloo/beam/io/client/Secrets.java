package io.formaloo.beam.io.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Resolved credentials, held only in memory by a running client. Its {@code toString} shows none of
 * them; {@link #redact(String)} strips them from any text the client is about to surface.
 */
final class Secrets {
  private final String apiKey;
  private final @Nullable String apiSecret;
  private final @Nullable String accessToken;

  Secrets(String apiKey, @Nullable String apiSecret, @Nullable String accessToken) {
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
    this.accessToken = accessToken;
  }

  String apiKey() {
    return apiKey;
  }

  String apiSecret() {
    if (apiSecret == null) {
      throw new IllegalStateException("no API secret");
    }
    return apiSecret;
  }

  String accessToken() {
    if (accessToken == null) {
      throw new IllegalStateException("no access token");
    }
    return accessToken;
  }

  /**
   * Checks that these credentials hold what {@code flow} needs.
   *
   * @throws IllegalArgumentException naming the missing credential
   */
  Secrets requireFor(AuthFlow flow) {
    Checks.check(!isBlank(apiKey), "credentials: the API key is missing or blank");
    switch (flow) {
      case SERVICE_TOKEN:
      case OAUTH2_CLIENT_CREDENTIALS:
        Checks.check(
            !isBlank(apiSecret), "credentials: the %s auth flow needs an API secret", flow);
        break;
      case STATIC_TOKEN:
        Checks.check(
            !isBlank(accessToken), "credentials: the %s auth flow needs an access token", flow);
        break;
      case WRITE_KEY_ONLY:
        break;
    }
    return this;
  }

  /**
   * A key for the per-JVM token cache: a digest, so that the cache's keys hold no credential, and
   * one that changes with the secret, so that a rotated secret never reuses an old token.
   */
  String cacheKey(String baseUrl, AuthFlow flow) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {baseUrl, flow.name(), apiKey, apiSecret}) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : sha.digest()) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Replaces every credential this holds, and {@code extra} ones such as tokens, with stars. */
  String redact(@Nullable String text, String... extra) {
    if (text == null) {
      return null;
    }
    // Arrays.asList, not List.of: an extra may be null (no token cached: another thread has just
    // dropped the rejected one), and List.of threw for it, turning a 401 into a
    // NullPointerException.
    List<String> secrets = new ArrayList<>(Arrays.asList(extra));
    secrets.add(apiKey);
    if (apiSecret != null) {
      secrets.add(apiSecret);
    }
    if (accessToken != null) {
      secrets.add(accessToken);
    }
    String out = text;
    for (String s : secrets) {
      // Very short values would blank out ordinary words; real keys are never that short.
      if (s != null && s.length() >= 4) {
        out = out.replace(s, "****");
      }
    }
    return out;
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.trim().isEmpty();
  }

  @Override
  public String toString() {
    return "Secrets{****}";
  }
}
