package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.io.client.CredentialsProvider;
import io.formaloo.beam.io.client.FormalooCredentials;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Credentials named, not held: environment variables or a properties file, read where the pipeline
 * runs (on each worker, when its client starts), so that no secret travels in the pipeline that a
 * Python or YAML program sends to the expansion service, nor in a runner's job graph.
 */
final class CredentialsReference implements CredentialsProvider {
  private static final long serialVersionUID = 1L;

  private final String apiKeyVariable;
  private final String apiSecretVariable;
  private final @Nullable String credentialsFile;

  CredentialsReference(
      String apiKeyVariable, String apiSecretVariable, @Nullable String credentialsFile) {
    this.apiKeyVariable = apiKeyVariable;
    this.apiSecretVariable = apiSecretVariable;
    this.credentialsFile = credentialsFile;
  }

  @Override
  public FormalooCredentials get() {
    if (credentialsFile != null) {
      return FormalooCredentials.fromFile(Path.of(credentialsFile));
    }
    String key = variable(apiKeyVariable);
    if (key == null) {
      throw new IllegalArgumentException(
          "credentials: the environment variable "
              + apiKeyVariable
              + " (api_key_variable) is not set where the pipeline runs");
    }
    String secret = variable(apiSecretVariable);
    return secret == null
        ? FormalooCredentials.apiKeyOnly(key)
        : FormalooCredentials.of(key, secret);
  }

  private static @Nullable String variable(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** What the credentials are, never what they hold: for display data and logs. */
  @Override
  public String toString() {
    return credentialsFile != null
        ? "credentials file " + credentialsFile
        : "environment variables " + apiKeyVariable + ", " + apiSecretVariable;
  }
}
