package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The connection fields every configuration has, checked and made into a {@link FormalooConfig}.
 */
final class Connection {
  static final String DEFAULT_API_KEY_VARIABLE = FormalooCredentials.API_KEY_VARIABLE;
  static final String DEFAULT_API_SECRET_VARIABLE = FormalooCredentials.API_SECRET_VARIABLE;

  private Connection() {}

  /**
   * The config of a configuration's connection fields.
   *
   * @throws InvalidConfigurationException naming the field that is missing or wrong
   */
  static FormalooConfig config(
      @Nullable String baseUrl,
      @Nullable String business,
      @Nullable String apiKeyVariable,
      @Nullable String apiSecretVariable,
      @Nullable String credentialsFile) {
    if (business == null || business.isBlank()) {
      throw new InvalidConfigurationException(
          "business is required: the slug of the business to read or write");
    }
    if (credentialsFile != null && (apiKeyVariable != null || apiSecretVariable != null)) {
      throw new InvalidConfigurationException(
          "credentials_file and api_key_variable/api_secret_variable name two sources of"
              + " credentials: give one");
    }
    FormalooConfig.Builder config =
        FormalooConfig.builder()
            .business(business.trim())
            .credentials(
                FormalooCredentials.fromProvider(
                    new CredentialsReference(
                        orDefault(apiKeyVariable, DEFAULT_API_KEY_VARIABLE, "api_key_variable"),
                        orDefault(
                            apiSecretVariable, DEFAULT_API_SECRET_VARIABLE, "api_secret_variable"),
                        blankToNull(credentialsFile))));
    if (baseUrl != null) {
      if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
        throw new InvalidConfigurationException(
            "base_url must be an http(s) URL such as "
                + FormalooConfig.DEFAULT_BASE_URL
                + ", got "
                + baseUrl);
      }
      config.baseUrl(baseUrl);
    }
    try {
      return config.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidConfigurationException(e.getMessage(), e);
    }
  }

  private static String orDefault(@Nullable String value, String fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value.isBlank()) {
      throw new InvalidConfigurationException(field + " must name an environment variable");
    }
    return value.trim();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
