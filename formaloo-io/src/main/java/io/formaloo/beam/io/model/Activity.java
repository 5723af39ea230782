package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Something a customer did, recorded under an action type.
 *
 * <p>One class for the reference's two shapes and the create body, because they are views of one
 * record and a pipeline should not need two types for it: {@code ActivityList} (from {@code GET
 * /activities}: with {@code customer}, without {@code currency} and {@code monetary_value}), {@code
 * ActivityShort} (from {@code GET /customers/{slug}/activities/}: the reverse, since the customer
 * is the one asked about) and the {@code POST /activities} body (which can carry all of them). A
 * field a shape does not have is null.
 *
 * <p>{@code action} is the only required field: no shape lacks it, and an activity without an
 * action type means nothing.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Activity implements Serializable {

  /** JSON {@code action}: the action type, by slug or title. */
  @SchemaFieldNumber("0")
  public abstract ActivityAction getAction();

  /** JSON {@code operation_type}; the action type's default when not given. */
  @SchemaFieldNumber("1")
  public abstract @Nullable OperationType getOperationType();

  /** JSON {@code description}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getDescription();

  /**
   * JSON {@code currency}. The API answers with an object ({@code title}, {@code iso_code}); a
   * request names it by iso code, and both forms read.
   */
  @SchemaFieldNumber("3")
  public abstract @Nullable Currency getCurrency();

  /**
   * JSON {@code monetary_value}, e.g. a payment amount: a decimal kept as the API's text, so that
   * it round-trips exactly (scale included) whatever the API sends. See {@link
   * #monetaryValueDecimal()}.
   */
  @SchemaFieldNumber("4")
  public abstract @Nullable String getMonetaryValue();

  /** JSON {@code activity_date}: when the activity happened. */
  @SchemaFieldNumber("5")
  public abstract @Nullable Instant getActivityDate();

  /** JSON {@code customer}: who did it (absent from a customer's own activity list). */
  @SchemaFieldNumber("6")
  public abstract @Nullable ActivityCustomer getCustomer();

  /** JSON {@code created_at} (read-only). */
  @SchemaFieldNumber("7")
  public abstract @Nullable Instant getCreatedAt();

  /** JSON {@code updated_at} (read-only). */
  @SchemaFieldNumber("8")
  public abstract @Nullable Instant getUpdatedAt();

  /**
   * JSON {@code slug}: the activity's identity. A writer that sets a stable slug can retry a create
   * without making a duplicate.
   */
  @SchemaFieldNumber("9")
  public abstract @Nullable String getSlug();

  /**
   * {@link #getMonetaryValue()} as a number; null when absent.
   *
   * @throws NumberFormatException if the text is not a decimal
   */
  public @Nullable BigDecimal monetaryValueDecimal() {
    String value = getMonetaryValue();
    return value == null ? null : new BigDecimal(value);
  }

  public static Builder builder() {
    return new AutoValue_Activity.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link Activity}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setAction(ActivityAction action);

    public abstract Builder setOperationType(@Nullable OperationType operationType);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setCurrency(@Nullable Currency currency);

    /** Sets the amount as decimal text, e.g. {@code "12.50"}. */
    public abstract Builder setMonetaryValue(@Nullable String monetaryValue);

    public abstract Builder setActivityDate(@Nullable Instant activityDate);

    public abstract Builder setCustomer(@Nullable ActivityCustomer customer);

    public abstract Builder setCreatedAt(@Nullable Instant createdAt);

    public abstract Builder setUpdatedAt(@Nullable Instant updatedAt);

    public abstract Builder setSlug(@Nullable String slug);

    /** Sets the amount from a number, keeping its scale ({@code 12.50} stays {@code "12.50"}). */
    public Builder setMonetaryValueDecimal(@Nullable BigDecimal monetaryValue) {
      return setMonetaryValue(monetaryValue == null ? null : monetaryValue.toPlainString());
    }

    public abstract Activity build();
  }
}
