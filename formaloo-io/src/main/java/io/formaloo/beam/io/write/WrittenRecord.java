package io.formaloo.beam.io.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One record that landed: what the API answered for it, and the identity the input gave it so that
 * it can be joined back. An element of {@code FormalooIO.Write.Result#getWritten()}; it has a Beam
 * schema.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class WrittenRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The customer's code as the API answered it: for a customer written by its own request (also one
   * of a bulk import job confirmed by its own request), and for an activity (its customer's). Null
   * for a customer the job's answer confirmed, whose results list no codes.
   */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getCustomerCode();

  /**
   * An activity's slug: as the API answered it, or, when the API said an activity with it already
   * exists (an earlier attempt wrote it), the slug the writer sent.
   */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getActivitySlug();

  /** The customer's email as the input gave it (an activity's: its customer's). */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getEmail();

  /** The customer's phone number as the input gave it (an activity's: its customer's). */
  @SchemaFieldNumber("3")
  public abstract @Nullable String getPhoneNumber();

  /**
   * True when the API created the record (201); false when it updated an existing customer (200) or
   * the activity already existed; null when unknown (a bulk import counts new and existing rows
   * without saying which is which).
   */
  @SchemaFieldNumber("4")
  public abstract @Nullable Boolean getCreated();

  /**
   * How many times the record was sent: requests for a record written on its own (retries
   * included), or the bulk import job that imported it (1, or 2 after a failed job), plus the
   * requests that confirmed it on its own when the job's answer did not account for it.
   */
  @SchemaFieldNumber("5")
  public abstract int getAttempts();

  /**
   * The bulk import job that imported the record, or whose answer left it to be confirmed by its
   * own request; null when it was written on its own from the start.
   */
  @SchemaFieldNumber("6")
  public abstract @Nullable String getJobSlug();

  public static Builder builder() {
    return new AutoValue_WrittenRecord.Builder().setAttempts(1);
  }

  public abstract Builder toBuilder();

  /** Builds a {@link WrittenRecord}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setCustomerCode(@Nullable String customerCode);

    public abstract Builder setActivitySlug(@Nullable String activitySlug);

    public abstract Builder setEmail(@Nullable String email);

    public abstract Builder setPhoneNumber(@Nullable String phoneNumber);

    public abstract Builder setCreated(@Nullable Boolean created);

    public abstract Builder setAttempts(int attempts);

    public abstract Builder setJobSlug(@Nullable String jobSlug);

    public abstract WrittenRecord build();
  }
}
