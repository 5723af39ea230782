package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The customer of an activity, as the activity carries it: the reference's {@code ShortCustomer}.
 *
 * <p>Every field is optional because in a request it is a reference: the customer is named by
 * {@code code}, {@code email} or {@code phone_number} (a customer given by email or phone that does
 * not exist yet is created).
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class ActivityCustomer implements Serializable {

  /** JSON {@code full_name}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getFullName();

  /** JSON {@code email}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getEmail();

  /** JSON {@code phone_number}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getPhoneNumber();

  /** JSON {@code code}: the customer's identity, a UUID. */
  @SchemaFieldNumber("3")
  public abstract @Nullable String getCode();

  /** JSON {@code slug}. */
  @SchemaFieldNumber("4")
  public abstract @Nullable String getSlug();

  /** JSON {@code created_at} (read-only). */
  @SchemaFieldNumber("5")
  public abstract @Nullable Instant getCreatedAt();

  /** JSON {@code updated_at} (read-only). */
  @SchemaFieldNumber("6")
  public abstract @Nullable Instant getUpdatedAt();

  /** JSON {@code score}. */
  @SchemaFieldNumber("7")
  public abstract @Nullable Integer getScore();

  /** JSON {@code level}: the customer's rank by score among the business's customers. */
  @SchemaFieldNumber("8")
  public abstract @Nullable Integer getLevel();

  public static Builder builder() {
    return new AutoValue_ActivityCustomer.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link ActivityCustomer}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setFullName(@Nullable String fullName);

    public abstract Builder setEmail(@Nullable String email);

    public abstract Builder setPhoneNumber(@Nullable String phoneNumber);

    public abstract Builder setCode(@Nullable String code);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Builder setCreatedAt(@Nullable Instant createdAt);

    public abstract Builder setUpdatedAt(@Nullable Instant updatedAt);

    public abstract Builder setScore(@Nullable Integer score);

    public abstract Builder setLevel(@Nullable Integer level);

    public abstract ActivityCustomer build();
  }
}
