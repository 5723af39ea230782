package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Obtains tokens with the API key and secret, by one of the two client-credentials flows.
 *
 * <ul>
 *   <li>{@link AuthFlow#SERVICE_TOKEN}: {@code POST /oauth2/authorization-token/} with {@code
 *       Authorization: Basic <secret>} (the secret as issued, not base64 of id:secret), answering
 *       {@code {"authorization_token"}}; the token is sent as {@code JWT <token>}.
 *   <li>{@link AuthFlow#OAUTH2_CLIENT_CREDENTIALS}: {@code POST /oauth/authorize} with HTTP Basic
 *       {@code base64(key:secret)}, answering {@code {"access_token", "token_type", "expires_in"}};
 *       the token is sent as {@code Bearer <token>}.
 * </ul>
 *
 * <p>A token is renewed {@code expires_in} minus a tenth (at most 30 s) after it was asked for, or,
 * when the answer does not say, {@link FormalooConfig#tokenLifetime()} after.
 */
final class ApiTokenSource implements TokenSource {
  private static final byte[] FORM =
      "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8);
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";
  private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  private final AuthFlow flow;
  private final String baseUrl;
  private final Secrets secrets;
  private final Duration defaultLifetime;
  private final RequestExecutor executor;
  private final LongSupplier nanoTime;
  private final String host;

  ApiTokenSource(
      AuthFlow flow,
      String baseUrl,
      Secrets secrets,
      Duration defaultLifetime,
      RequestExecutor executor,
      LongSupplier nanoTime) {
    this.flow = flow;
    this.baseUrl = baseUrl;
    this.secrets = secrets;
    this.defaultLifetime = defaultLifetime;
    this.executor = executor;
    this.nanoTime = nanoTime;
    this.host = BaseUrl.hostOf(baseUrl);
  }

  @Override
  public AccessToken fetch() {
    boolean service = flow == AuthFlow.SERVICE_TOKEN;
    String path = service ? "/oauth2/authorization-token/" : "/oauth/authorize";
    String basic =
        service
            ? secrets.apiSecret()
            : Base64.getEncoder()
                .encodeToString(
                    (secrets.apiKey() + ":" + secrets.apiSecret())
                        .getBytes(StandardCharsets.UTF_8));
    HttpCall call =
        new HttpCall(
            "POST",
            baseUrl + path,
            BaseUrl.pathOf(baseUrl + path),
            HttpCall.Purpose.TOKEN,
            FORM_TYPE,
            FORM,
            Map.of("Authorization", "Basic " + basic));
    long askedAt = nanoTime.getAsLong();
    JsonNode answer = executor.execute(call, new TokenRequestAuthenticator()).data();
    String field = service ? "authorization_token" : "access_token";
    JsonNode token = answer.path(field);
    if (!token.isTextual() || token.asText().isEmpty()) {
      throw new FormalooException(
          ErrorKind.REMOTE,
          200,
          call.method,
          call.path,
          null,
          Map.of(),
          1,
          "the token answer from " + host + " has no " + field,
          null);
    }
    String scheme = service ? "JWT" : bearer(answer.path("token_type").asText("Bearer"));
    return new AccessToken(token.asText(), scheme, askedAt + renewAfter(answer).toNanos());
  }

  private Duration renewAfter(JsonNode answer) {
    long expiresIn = answer.path("expires_in").asLong(0);
    if (expiresIn <= 0) {
      return defaultLifetime;
    }
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration margin = lifetime.dividedBy(10);
    return lifetime.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
  }

  private static String bearer(String tokenType) {
    // RFC 6749 token types are case-insensitive; the header wants the canonical spelling.
    return tokenType.equalsIgnoreCase("bearer") || tokenType.isEmpty() ? "Bearer" : tokenType;
  }

  /** The token request carries its own Basic credentials; its rejection is the secret's. */
  private final class TokenRequestAuthenticator implements Authenticator {
    @Override
    public Authorization authorize() {
      return Authorization.NONE;
    }

    @Override
    public boolean canRenew() {
      return false;
    }

    @Override
    public void rejected(Authorization used) {}

    @Override
    public String rejection() {
      return "the API key or secret was rejected by " + host;
    }

    @Override
    public String redact(String text) {
      return secrets.redact(text);
    }
  }
}
