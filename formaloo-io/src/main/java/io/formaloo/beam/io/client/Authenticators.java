package io.formaloo.beam.io.client;

/** The {@link Authenticator} of each {@link AuthFlow}, as a {@link FormalooClient} is made. */
final class Authenticators {
  private Authenticators() {}

  /**
   * The authenticator for {@code config}'s auth flow; token flows fetch their tokens through {@code
   * executor} and share them per JVM ({@link TokenCache}).
   */
  static Authenticator forConfig(
      FormalooConfig config, Secrets secrets, RequestExecutor executor, ClientEnvironment env) {
    switch (config.authFlow()) {
      case SERVICE_TOKEN:
      case OAUTH2_CLIENT_CREDENTIALS:
        return new TokenAuthenticator(
            secrets,
            TokenCache.forKey(secrets.cacheKey(config.baseUrl(), config.authFlow())),
            new ApiTokenSource(
                config.authFlow(),
                config.baseUrl(),
                secrets,
                config.tokenLifetime(),
                executor,
                env.nanoTime),
            env.nanoTime,
            config.host());
      case STATIC_TOKEN:
        return FixedAuthenticator.staticToken(secrets, config.host());
      case WRITE_KEY_ONLY:
        return FixedAuthenticator.apiKeyOnly(secrets, config.host());
    }
    throw new IllegalArgumentException("authFlow " + config.authFlow() + " is not supported");
  }
}
