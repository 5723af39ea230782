package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Both token flows of NOTES.md and the check every other call passes: the API key in {@code
 * x-api-key}, and a live token as {@code Authorization: JWT <token>} or {@code Bearer <token>}.
 */
final class TokenIssuer {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> liveTokens = new ConcurrentHashMap<>();
  private final String apiKey;
  private final String apiSecret;
  private final Duration lifetime;
  private final Clock clock;

  TokenIssuer(String apiKey, String apiSecret, Duration lifetime, Clock clock) {
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /**
   * The service's flow: {@code Authorization: Basic <secret as-is>} and {@code
   * grant_type=client_credentials}; 201 {@code {"authorization_token"}}.
   */
  ApiResponse serviceToken(ApiRequest req) {
    String authorization = req.header("Authorization");
    String presented =
        authorization != null && authorization.startsWith("Basic ")
            ? authorization.substring("Basic ".length()).trim()
            : null;
    if (presented == null) {
      throw ApiException.detail(401, "Authentication credentials were not provided.");
    }
    if (!constantTimeEquals(presented, apiSecret)) {
      throw ApiException.detail(401, "Invalid client credentials.");
    }
    String grant = grantType(req);
    if (!"client_credentials".equals(grant)) {
      throw FieldErrors.single(
          "grant_type",
          grant == null ? "This field is required." : "\"" + grant + "\" is not a valid choice.");
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("authorization_token", issue());
    return ApiResponse.created(body);
  }

  /**
   * Standard OAuth2 client credentials (RFC 6749 §4.4): client id and secret by HTTP Basic (or in
   * the form), {@code {"access_token", "token_type": "Bearer", "expires_in"}}.
   */
  ApiResponse oauthToken(ApiRequest req) {
    Map<String, String> form = req.form();
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String authorization = req.header("Authorization");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw oauthError(401, "invalid_client", "Malformed Basic credentials.");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw oauthError(401, "invalid_client", "Malformed Basic credentials.");
      }
      clientId = decoded.substring(0, colon);
      clientSecret = decoded.substring(colon + 1);
    }
    if (clientId == null || clientSecret == null) {
      throw oauthError(401, "invalid_client", "Client authentication is required.");
    }
    if (!constantTimeEquals(clientId, apiKey) || !constantTimeEquals(clientSecret, apiSecret)) {
      throw oauthError(401, "invalid_client", "Invalid client credentials.");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      throw oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("access_token", issue());
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    return ApiResponse.ok(body);
  }

  /** Checks the API key, then (unless the call may go by key alone) the token. */
  void authenticate(ApiRequest req, boolean keyAloneSuffices) {
    String key = req.header("x-api-key");
    if (key == null || key.isEmpty()) {
      throw ApiException.detail(401, "Authentication credentials were not provided.");
    }
    if (!constantTimeEquals(key, apiKey)) {
      throw ApiException.detail(401, "Invalid API key.");
    }
    String authorization = req.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      if (keyAloneSuffices) {
        return;
      }
      throw ApiException.detail(401, "Authentication credentials were not provided.");
    }
    String token;
    if (authorization.startsWith("JWT ")) {
      token = authorization.substring(4).trim();
    } else if (authorization.startsWith("Bearer ")) {
      token = authorization.substring(7).trim();
    } else {
      throw ApiException.detail(401, "Invalid Authorization header.");
    }
    Instant expiry = liveTokens.get(token);
    if (expiry == null) {
      throw ApiException.detail(401, "Error decoding signature.");
    }
    if (!clock.instant().isBefore(expiry)) {
      throw ApiException.detail(401, "Signature has expired.");
    }
  }

  /** Makes every token issued so far answer 401, as if its lifetime had run out. */
  void expireAll() {
    Instant past = clock.instant().minusSeconds(1);
    liveTokens.replaceAll((token, expiry) -> past);
  }

  int liveTokenCount() {
    Instant now = clock.instant();
    return (int) liveTokens.values().stream().filter(now::isBefore).count();
  }

  private String issue() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    liveTokens.values().removeIf(expiry -> expiry.isBefore(now.minus(lifetime)));
    liveTokens.put(token, now.plus(lifetime));
    return token;
  }

  private static String grantType(ApiRequest req) {
    String contentType = req.header("Content-Type");
    if (contentType != null && contentType.contains("json") && req.body().length > 0) {
      return Bodies.textOf(req.json(), "grant_type");
    }
    return req.form().get("grant_type");
  }

  private static ApiException oauthError(int status, String error, String description) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    body.put("detail", description);
    return new ApiException(status, body);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
