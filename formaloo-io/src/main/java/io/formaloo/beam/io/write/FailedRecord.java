package io.formaloo.beam.io.write;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One record that did not land, and why: an element of {@code FormalooIO.Write.Result#getFailed()}.
 * It carries the input record itself, so that a pipeline can correct it and write it again; it has
 * a Beam schema.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class FailedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The input customer, for {@code writeCustomers()}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable Customer getCustomer();

  /**
   * The input activity, for {@code writeActivities()}, with the slug the writer sent (its own or
   * the stable one the writer gave it): written again, it cannot be duplicated.
   */
  @SchemaFieldNumber("1")
  public abstract @Nullable Activity getActivity();

  /** Why it did not land. */
  @SchemaFieldNumber("2")
  public abstract FailureKind getKind();

  /**
   * The HTTP status of the last answer to the record's own request; 0 when there was none: the
   * record was invalid, no answer came, or it travelled in a bulk import job.
   */
  @SchemaFieldNumber("3")
  public abstract int getStatus();

  /** What went wrong, for a person: the API's explanation, or the check that failed. */
  @SchemaFieldNumber("4")
  public abstract String getError();

  /**
   * The field errors as JSON text, DRF style ({@code {"email": ["Enter a valid email address."]}}),
   * from the API or from the checks made before sending; null when there were none.
   */
  @SchemaFieldNumber("5")
  public abstract @Nullable String getFieldErrorsJson();

  /**
   * How many times the record was sent: 0 if never, else requests (retries included) or bulk import
   * jobs.
   */
  @SchemaFieldNumber("6")
  public abstract int getAttempts();

  /** The bulk import job the record last travelled in, if any. */
  @SchemaFieldNumber("7")
  public abstract @Nullable String getJobSlug();

  /** Whether sending the same record again later may succeed (quota, remote, timeout). */
  public boolean isRetryable() {
    return getKind() == FailureKind.QUOTA
        || getKind() == FailureKind.REMOTE
        || getKind() == FailureKind.TIMEOUT
        || getKind() == FailureKind.IMPORT_TIMEOUT;
  }

  public static Builder builder() {
    return new AutoValue_FailedRecord.Builder().setStatus(0).setAttempts(0);
  }

  public abstract Builder toBuilder();

  /** Builds a {@link FailedRecord}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setCustomer(@Nullable Customer customer);

    public abstract Builder setActivity(@Nullable Activity activity);

    public abstract Builder setKind(FailureKind kind);

    public abstract Builder setStatus(int status);

    public abstract Builder setError(String error);

    public abstract Builder setFieldErrorsJson(@Nullable String fieldErrorsJson);

    public abstract Builder setAttempts(int attempts);

    public abstract Builder setJobSlug(@Nullable String jobSlug);

    public abstract FailedRecord build();
  }
}
