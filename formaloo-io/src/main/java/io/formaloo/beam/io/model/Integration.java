package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The integration (app) that defines an action type: the reference's {@code
 * ShortIntegrationSerializer}, as it appears in {@link ActionType#getIntegration()}.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Integration implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /** JSON {@code slug}. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getSlug();

  /** JSON {@code website}: a URL. */
  @SchemaFieldNumber("3")
  public abstract @Nullable String getWebsite();

  public static Builder builder() {
    return new AutoValue_Integration.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link Integration}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Builder setWebsite(@Nullable String website);

    public abstract Integration build();
  }
}
