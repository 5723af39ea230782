package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A business (workspace) in the CDP: the reference's {@code Business}. Its slug is the {@code
 * active_business} almost every call takes.
 *
 * <p>Every field is optional: the reference allows a null slug, and its example answer for {@code
 * GET /businesses/} even shows another shape, so a business missing a field must still read.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Business implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /** JSON {@code slug}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getSlug();

  public static Builder builder() {
    return new AutoValue_Business.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Business}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Business build();
  }
}
