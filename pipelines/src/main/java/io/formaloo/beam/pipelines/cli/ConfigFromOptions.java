package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.io.client.AuthFlow;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.client.RetryPolicy;
import java.util.Map;

/**
 * Builds the connector's {@link FormalooConfig} from {@link FormalooOptions} and the environment,
 * checking each option and naming it when it is wrong.
 */
public final class ConfigFromOptions {
  public static final String API_KEY_VARIABLE = FormalooCredentials.API_KEY_VARIABLE;
  public static final String API_SECRET_VARIABLE = FormalooCredentials.API_SECRET_VARIABLE;
  static final String ACCESS_TOKEN_VARIABLE = FormalooCredentials.ACCESS_TOKEN_VARIABLE;

  private ConfigFromOptions() {}

  /**
   * The config the options describe. Afterwards the options no longer hold the credentials: the
   * config does, and it never prints them, whereas Beam prints options in some logs.
   *
   * @param environment the process environment (a map, so that tests can give their own)
   * @throws InvalidOptionException naming the first option that is missing or wrong
   */
  public static FormalooConfig build(FormalooOptions options, Map<String, String> environment) {
    String business = trimmed(options.getFormalooBusiness());
    if (business == null) {
      throw new InvalidOptionException(
          "--formalooBusiness is required: the business slug (GET /businesses/ lists them)");
    }
    Double rate = options.getMaxRequestsPerSecond();
    if (rate != null && (!(rate > 0) || Double.isInfinite(rate))) {
      throw new InvalidOptionException(
          "--maxRequestsPerSecond must be a positive number, got " + rate);
    }
    if (options.getFormalooMaxAttempts() < 1) {
      throw new InvalidOptionException(
          "--formalooMaxAttempts must be at least 1, got " + options.getFormalooMaxAttempts());
    }
    if (options.getProgressIntervalSeconds() < 0) {
      throw new InvalidOptionException(
          "--progressIntervalSeconds must not be negative, got "
              + options.getProgressIntervalSeconds());
    }
    AuthFlow flow = authFlow(options.getFormalooAuthFlow());
    FormalooCredentials credentials = credentials(options, environment, flow);
    FormalooConfig.Builder builder =
        FormalooConfig.builder()
            .business(business)
            .credentials(credentials)
            .authFlow(flow)
            // Without a ceiling the rate is found at run time (RateLimit.adaptive()).
            .rateLimit(rate == null ? RateLimit.adaptive() : RateLimit.perSecond(rate))
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(options.getFormalooMaxAttempts()).build());
    try {
      builder.baseUrl(options.getFormalooBaseUrl());
      FormalooConfig config = builder.build();
      forgetCredentials(options);
      return config;
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(optionFor(e.getMessage()) + ": " + e.getMessage(), e);
    }
  }

  private static AuthFlow authFlow(String value) {
    String name = trimmed(value);
    for (AuthFlow flow : AuthFlow.values()) {
      if (flow.name().equalsIgnoreCase(name)) {
        return flow;
      }
    }
    throw new InvalidOptionException(
        "--formalooAuthFlow must be one of "
            + java.util.Arrays.toString(AuthFlow.values())
            + ", got "
            + value);
  }

  private static FormalooCredentials credentials(
      FormalooOptions options, Map<String, String> environment, AuthFlow flow) {
    String key = either(options.getFormalooApiKey(), environment.get(API_KEY_VARIABLE));
    if (key == null) {
      throw new InvalidOptionException(
          "--formalooApiKey is required (or set " + API_KEY_VARIABLE + " in the environment)");
    }
    switch (flow) {
      case WRITE_KEY_ONLY:
        return FormalooCredentials.apiKeyOnly(key);
      case STATIC_TOKEN:
        String token =
            either(options.getFormalooAccessToken(), environment.get(ACCESS_TOKEN_VARIABLE));
        if (token == null) {
          throw new InvalidOptionException(
              "--formalooAccessToken is required with --formalooAuthFlow=STATIC_TOKEN (or set "
                  + ACCESS_TOKEN_VARIABLE
                  + " in the environment)");
        }
        return FormalooCredentials.accessToken(key, token);
      default:
        String secret =
            either(options.getFormalooApiSecret(), environment.get(API_SECRET_VARIABLE));
        if (secret == null) {
          throw new InvalidOptionException(
              "--formalooApiSecret is required with --formalooAuthFlow="
                  + flow
                  + " (or set "
                  + API_SECRET_VARIABLE
                  + " in the environment)");
        }
        return FormalooCredentials.of(key, secret);
    }
  }

  /** The option a connector config message is about; the config names its settings. */
  private static String optionFor(String message) {
    String m = String.valueOf(message);
    if (m.startsWith("credentials")) {
      return "--formalooApiKey/--formalooApiSecret";
    }
    if (m.startsWith("business")) {
      return "--formalooBusiness";
    }
    return "--formalooBaseUrl";
  }

  private static void forgetCredentials(FormalooOptions options) {
    options.setFormalooApiKey(null);
    options.setFormalooApiSecret(null);
    options.setFormalooAccessToken(null);
  }

  private static String either(String option, String variable) {
    String value = trimmed(option);
    return value != null ? value : trimmed(variable);
  }

  private static String trimmed(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
