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
 * A customer of a business: the reference's {@code CreateCustomer} (and {@code
 * PatchedCreateCustomer}), both what {@code /customers/} answers with and the body it takes.
 *
 * <p>Every field is optional: a write needs only an email or a phone number (which the API upserts
 * by), and {@code code}, {@code created_at} and {@code updated_at} are the API's to set.
 *
 * <p>{@code customer_data} is free-form and kept losslessly as compact JSON text, so the schema has
 * a plain {@code STRING} field for it; {@link #customerData()} gives the tree.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Customer implements Serializable {

  /** JSON {@code code}: the customer's identity, a UUID (read-only). */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getCode();

  /**
   * JSON {@code customer_data}, any JSON the business keeps on the customer, as compact JSON text:
   * numbers, key order and {@code null} members exactly as they came.
   */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getCustomerDataJson();

  /** JSON {@code full_name}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getFullName();

  /** JSON {@code email}: the primary email, which writes upsert by. */
  @SchemaFieldNumber("3")
  public abstract @Nullable String getEmail();

  /** JSON {@code phone_number}: the primary phone number, which writes upsert by. */
  @SchemaFieldNumber("4")
  public abstract @Nullable String getPhoneNumber();

  /** JSON {@code tags}; unmodifiable. In a write, the tags to add, each named by slug or title. */
  @SchemaFieldNumber("5")
  public abstract @Nullable List<Tag> getTags();

  /** JSON {@code score}. */
  @SchemaFieldNumber("6")
  public abstract @Nullable Integer getScore();

  /** JSON {@code created_at} (read-only). */
  @SchemaFieldNumber("7")
  public abstract @Nullable Instant getCreatedAt();

  /** JSON {@code updated_at} (read-only). */
  @SchemaFieldNumber("8")
  public abstract @Nullable Instant getUpdatedAt();

  /**
   * {@link #getCustomerDataJson()} parsed, numbers exact; null when absent. Parsed on each call:
   * keep the result rather than calling it in a loop.
   */
  public @Nullable JsonNode customerData() {
    return FreeFormJson.toNode(getCustomerDataJson());
  }

  public static Builder builder() {
    return new AutoValue_Customer.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Customer}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setCode(@Nullable String code);

    /**
     * Sets {@code customer_data} as JSON text, which must be one JSON value (it is checked when the
     * customer is written as JSON). From a tree or a map: {@code
     * setCustomerDataJson(ModelJson.jsonText(map))}.
     */
    public abstract Builder setCustomerDataJson(@Nullable String json);

    public abstract Builder setFullName(@Nullable String fullName);

    public abstract Builder setEmail(@Nullable String email);

    public abstract Builder setPhoneNumber(@Nullable String phoneNumber);

    /** Sets the tags; the list is copied. */
    public abstract Builder setTags(@Nullable List<Tag> tags);

    public abstract Builder setScore(@Nullable Integer score);

    public abstract Builder setCreatedAt(@Nullable Instant createdAt);

    public abstract Builder setUpdatedAt(@Nullable Instant updatedAt);

    abstract @Nullable List<Tag> getTags();

    abstract Customer autoBuild();

    public Customer build() {
      List<Tag> tags = getTags();
      if (tags != null) {
        // A record is a value: it must not change when the caller's list does.
        setTags(List.copyOf(tags));
      }
      return autoBuild();
    }
  }
}
