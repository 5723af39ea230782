package io.formaloo.beam.io.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A group of action types, which new action types can be based on: the reference's {@code
 * ActionTypeGroup}.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class ActionTypeGroup implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /**
   * JSON {@code default_text_template}, a free-form object (e.g. {@code {"en": "..."}}), as compact
   * JSON text. See {@link #defaultTextTemplate()} for the tree.
   */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getDefaultTextTemplateJson();

  /** JSON {@code slug}. */
  @SchemaFieldNumber("3")
  public abstract @Nullable String getSlug();

  /** {@link #getDefaultTextTemplateJson()} parsed, numbers exact; null when absent. */
  public @Nullable JsonNode defaultTextTemplate() {
    return FreeFormJson.toNode(getDefaultTextTemplateJson());
  }

  public static Builder builder() {
    return new AutoValue_ActionTypeGroup.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link ActionTypeGroup}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    /**
     * Sets the template as JSON text, which must be one JSON value (it is checked on write); see
     * {@link ModelJson#jsonText}.
     */
    public abstract Builder setDefaultTextTemplateJson(@Nullable String json);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract ActionTypeGroup build();
  }
}
