package io.formaloo.beam.io.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A bulk customer import job: the reference's {@code CustomerBatchImportSerializer}, both the
 * {@code POST /customers/batch/} body and the job that {@code GET /customers/batch/{slug}/}
 * reports.
 *
 * <p>{@code customers_data} and {@code import_results} are free-form (the reference types the first
 * as an object, while clients send an array of customers) and are kept losslessly as compact JSON
 * text.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class CustomerBatchImport implements Serializable {

  /** Where a job is: {@code new → queued → in_progress → imported | failed}, or canceled. */
  public enum Status {
    NEW("new"),
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    IMPORTED("imported"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String jsonValue;

    Status(String jsonValue) {
      this.jsonValue = jsonValue;
    }

    /** The value as the API writes it, e.g. {@code "in_progress"}. */
    public String jsonValue() {
      return jsonValue;
    }

    /**
     * Whether the job has stopped: imported (possibly with some rows failed), failed or canceled.
     */
    public boolean isTerminal() {
      return this == IMPORTED || this == FAILED || this == CANCELED;
    }

    /**
     * The constant for an API value.
     *
     * @throws IllegalArgumentException for a value the reference does not list: a poller must not
     *     guess whether an unknown status is final
     */
    public static Status fromJson(String value) {
      for (Status status : values()) {
        if (status.jsonValue.equals(value)) {
          return status;
        }
      }
      throw new IllegalArgumentException(
          "\""
              + value
              + "\" is not a batch import status"
              + " (new, queued, in_progress, imported, failed, canceled)");
    }
  }

  /** What kind of data a job imports. */
  public enum FileType {
    EXCEL("excel"),
    JSON("json");

    private final String jsonValue;

    FileType(String jsonValue) {
      this.jsonValue = jsonValue;
    }

    /** The value as the API writes it, e.g. {@code "json"}. */
    public String jsonValue() {
      return jsonValue;
    }

    /**
     * The constant for an API value.
     *
     * @throws IllegalArgumentException for a value the reference does not list
     */
    public static FileType fromJson(String value) {
      for (FileType type : values()) {
        if (type.jsonValue.equals(value)) {
          return type;
        }
      }
      throw new IllegalArgumentException("\"" + value + "\" is not a file type (excel, json)");
    }
  }

  /** JSON {@code status} (read-only). */
  @SchemaFieldNumber("0")
  public abstract @Nullable Status getStatus();

  /** JSON {@code file}: the URL of a file to import, instead of {@code customers_data}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getFile();

  /** JSON {@code customers_data} as compact JSON text. See {@link #customersData()}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getCustomersDataJson();

  /** JSON {@code file_type}. */
  @SchemaFieldNumber("3")
  public abstract @Nullable FileType getFileType();

  /** JSON {@code slug}: the job's identity, to poll it by (read-only). */
  @SchemaFieldNumber("4")
  public abstract @Nullable String getSlug();

  /** JSON {@code created_at} (read-only). */
  @SchemaFieldNumber("5")
  public abstract @Nullable Instant getCreatedAt();

  /** JSON {@code imported_at}: null until the job has imported (read-only). */
  @SchemaFieldNumber("6")
  public abstract @Nullable Instant getImportedAt();

  /**
   * JSON {@code import_results} as compact JSON text: row counts, new and existing customers, and
   * the rows that failed with their errors (read-only). See {@link #importResults()}.
   */
  @SchemaFieldNumber("7")
  public abstract @Nullable String getImportResultsJson();

  /** {@link #getCustomersDataJson()} parsed, numbers exact; null when absent. */
  public @Nullable JsonNode customersData() {
    return FreeFormJson.toNode(getCustomersDataJson());
  }

  /** {@link #getImportResultsJson()} parsed, numbers exact; null when absent. */
  public @Nullable JsonNode importResults() {
    return FreeFormJson.toNode(getImportResultsJson());
  }

  /**
   * The job that imports these customers: {@code file_type} {@code json} and {@code customers_data}
   * the array of the customers' request forms (see {@link ModelJson#toRequestJson(Object)}).
   */
  public static CustomerBatchImport ofCustomers(List<Customer> customers) {
    return builder()
        .setFileType(FileType.JSON)
        .setCustomersDataJson(ModelJson.toRequestJson(customers))
        .build();
  }

  public static Builder builder() {
    return new AutoValue_CustomerBatchImport.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link CustomerBatchImport}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setStatus(@Nullable Status status);

    public abstract Builder setFile(@Nullable String file);

    /**
     * Sets {@code customers_data} as JSON text (checked on write); see {@link ModelJson#jsonText}.
     */
    public abstract Builder setCustomersDataJson(@Nullable String json);

    public abstract Builder setFileType(@Nullable FileType fileType);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Builder setCreatedAt(@Nullable Instant createdAt);

    public abstract Builder setImportedAt(@Nullable Instant importedAt);

    /**
     * Sets {@code import_results} as JSON text (checked on write); see {@link ModelJson#jsonText}.
     */
    public abstract Builder setImportResultsJson(@Nullable String json);

    public abstract CustomerBatchImport build();
  }
}
