package io.formaloo.beam.pipelines.providers;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.client.FormalooConfig;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldDescription;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The configuration of the read schema transforms; in YAML and Python its fields are snake_case
 * ({@code base_url}, {@code created_from}, ...). Each read uses the fields that apply to it and
 * refuses the others.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ReadConfiguration implements Serializable {
  private static final long serialVersionUID = 1L;

  @SchemaFieldDescription("The API's base URL. Default: https://api.formaloo.com/v1.0")
  public abstract @Nullable String getBaseUrl();

  @SchemaFieldDescription("The business to read, by slug (sent as active_business). Required.")
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
      "read_reference_list only: tags, action_types, action_type_groups or currencies.")
  public abstract @Nullable String getList();

  @SchemaFieldDescription(
      "The list's documented filters, name to value (activities: action, operation_type,"
          + " customer, ...).")
  public abstract @Nullable Map<String, String> getFilters();

  @SchemaFieldDescription(
      "read_activities only: the first day (yyyy-MM-dd, inclusive) of activities created.")
  public abstract @Nullable String getCreatedFrom();

  @SchemaFieldDescription(
      "read_activities only: the last day (yyyy-MM-dd, inclusive) of activities created.")
  public abstract @Nullable String getCreatedTo();

  public static Builder builder() {
    return new AutoValue_ReadConfiguration.Builder();
  }

  /** The connection, checked. */
  FormalooConfig config() {
    return Connection.config(
        getBaseUrl(),
        getBusiness(),
        getApiKeyVariable(),
        getApiSecretVariable(),
        getCredentialsFile());
  }

  Map<String, String> filters() {
    Map<String, String> filters = getFilters();
    return filters == null ? Map.of() : filters;
  }

  /** Refuses the day window: for reads other than activities. */
  void requireNoDayWindow(String read) {
    if (getCreatedFrom() != null || getCreatedTo() != null) {
      throw new InvalidConfigurationException(
          "created_from/created_to apply to read_activities only, not to " + read);
    }
  }

  /** Refuses {@code list}: for reads other than the reference lists. */
  void requireNoList(String read) {
    if (getList() != null) {
      throw new InvalidConfigurationException(
          "list applies to read_reference_list only, not to " + read);
    }
  }

  static @Nullable LocalDate day(@Nullable String value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          field + " must be a day as yyyy-MM-dd, got \"" + value + "\"", e);
    }
  }

  /** Builds a {@link ReadConfiguration}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setBaseUrl(@Nullable String baseUrl);

    public abstract Builder setBusiness(@Nullable String business);

    public abstract Builder setApiKeyVariable(@Nullable String variable);

    public abstract Builder setApiSecretVariable(@Nullable String variable);

    public abstract Builder setCredentialsFile(@Nullable String path);

    public abstract Builder setList(@Nullable String list);

    public abstract Builder setFilters(@Nullable Map<String, String> filters);

    public abstract Builder setCreatedFrom(@Nullable String day);

    public abstract Builder setCreatedTo(@Nullable String day);

    public abstract ReadConfiguration build();
  }
}
