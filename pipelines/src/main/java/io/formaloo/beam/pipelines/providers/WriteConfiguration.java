package io.formaloo.beam.pipelines.providers;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.FormalooIO;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldDescription;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.schemas.transforms.providers.ErrorHandling;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The configuration of the write schema transforms; snake_case in YAML and Python ({@code
 * error_handling: {output: failed}}, as Beam YAML's error handling expects).
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class WriteConfiguration implements Serializable {
  private static final long serialVersionUID = 1L;

  @SchemaFieldDescription("The API's base URL. Default: https://api.formaloo.com/v1.0")
  public abstract @Nullable String getBaseUrl();

  @SchemaFieldDescription("The business to write to, by slug (sent as active_business). Required.")
  public abstract @Nullable String getBusiness();

  @SchemaFieldDescription(
      "The environment variable that holds the API key where the pipeline runs."
          + " Default: FORMALOO_API_KEY.")
  public abstract @Nullable String getApiKeyVariable();

  @SchemaFieldDescription(
      "The environment variable that holds the API secret where the pipeline runs."
          + " Default: FORMALOO_API_SECRET.")
  public abstract @Nullable String getApiSecretVariable();

  @SchemaFieldDescription(
      "Instead of environment variables: a properties file (api_key, api_secret or access_token)"
          + " read where the pipeline runs.")
  public abstract @Nullable String getCredentialsFile();

  @SchemaFieldDescription(
      "At most this many requests a second, per worker process. Default: the API's limits, found"
          + " at run time.")
  public abstract @Nullable Double getMaxRequestsPerSecond();

  @SchemaFieldDescription(
      "write_customers only: batches of more customers go to bulk import jobs (0: every batch;"
          + " default 100).")
  public abstract @Nullable Integer getBulkImportAbove();

  @SchemaFieldDescription(
      "Where the records that did not land go: {output: NAME} names an output of rows with"
          + " failed_row and error_message. Without it, a record that fails fails the pipeline.")
  public abstract @Nullable ErrorHandling getErrorHandling();

  public static Builder builder() {
    return new AutoValue_WriteConfiguration.Builder();
  }

  /** The write, configured: connection, ceiling, bulk import threshold, each checked. */
  <T> FormalooIO.Write<T> configure(FormalooIO.Write<T> write, boolean bulkImports) {
    FormalooIO.Write<T> configured =
        write.withConfig(
            Connection.config(
                getBaseUrl(),
                getBusiness(),
                getApiKeyVariable(),
                getApiSecretVariable(),
                getCredentialsFile()));
    try {
      Double ceiling = getMaxRequestsPerSecond();
      if (ceiling != null) {
        configured = configured.withMaxRequestsPerSecond(ceiling);
      }
      Integer above = getBulkImportAbove();
      if (above != null) {
        if (!bulkImports) {
          throw new InvalidConfigurationException(
              "bulk_import_above applies to write_customers only");
        }
        configured = configured.withBulkImportAbove(above);
      }
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          e.getMessage()
              .replace("withMaxRequestsPerSecond(requestsPerSecond)", "max_requests_per_second")
              .replace("withBulkImportAbove(records)", "bulk_import_above"),
          e);
    }
    return configured;
  }

  /** The name of the failures' output, or null: failures fail the pipeline. */
  @Nullable String errorOutput() {
    ErrorHandling handling = getErrorHandling();
    if (handling == null) {
      return null;
    }
    String output = handling.getOutput();
    if (output == null || output.isBlank()) {
      throw new InvalidConfigurationException("error_handling.output must name an output");
    }
    if (output.equals(WriteRows.WRITTEN)) {
      throw new InvalidConfigurationException(
          "error_handling.output must not be \"" + WriteRows.WRITTEN + "\": that output is taken");
    }
    return output;
  }

  /** Builds a {@link WriteConfiguration}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setBaseUrl(@Nullable String baseUrl);

    public abstract Builder setBusiness(@Nullable String business);

    public abstract Builder setApiKeyVariable(@Nullable String variable);

    public abstract Builder setApiSecretVariable(@Nullable String variable);

    public abstract Builder setCredentialsFile(@Nullable String path);

    public abstract Builder setMaxRequestsPerSecond(@Nullable Double requestsPerSecond);

    public abstract Builder setBulkImportAbove(@Nullable Integer records);

    public abstract Builder setErrorHandling(@Nullable ErrorHandling errorHandling);

    public abstract WriteConfiguration build();
  }
}
