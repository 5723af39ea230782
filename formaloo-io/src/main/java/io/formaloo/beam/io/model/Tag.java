package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A tag on customers and action types: the reference's {@code Tag}, and its {@code AddTag} when
 * sent in a customer's {@code tags}.
 *
 * <p>Every field is optional because a tag is also a reference: a customer's tags may name an
 * existing tag by slug alone, or a new one by title alone.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Tag implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /** JSON {@code slug}: the tag's identity. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getSlug();

  public static Builder builder() {
    return new AutoValue_Tag.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Tag}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Tag build();
  }
}
