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
 * A kind of activity ("order created", "page viewed") that activities are recorded under: the
 * reference's {@code ActionType} (and {@code PatchedActionType}, the same fields all optional).
 *
 * <p>Every field is optional: a create or patch body carries only the writable ones ({@code title},
 * {@code description}, {@code default_operation_type}, {@code activity_text_template}, {@code
 * action_score}), and a patch may carry fewer.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class ActionType implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /** JSON {@code integration}: the app that defines it (read-only). */
  @SchemaFieldNumber("2")
  public abstract @Nullable Integration getIntegration();

  /** JSON {@code tags} (read-only); unmodifiable. */
  @SchemaFieldNumber("3")
  public abstract @Nullable List<Tag> getTags();

  /** JSON {@code slug}: what activities name it by (read-only). */
  @SchemaFieldNumber("4")
  public abstract @Nullable String getSlug();

  /** JSON {@code is_owned}: whether the calling business defined it (read-only). */
  @SchemaFieldNumber("5")
  public abstract @Nullable Boolean getIsOwned();

  /** JSON {@code created_at} (read-only). */
  @SchemaFieldNumber("6")
  public abstract @Nullable Instant getCreatedAt();

  /** JSON {@code updated_at} (read-only). */
  @SchemaFieldNumber("7")
  public abstract @Nullable Instant getUpdatedAt();

  /** JSON {@code default_operation_type}: for activities that do not give their own. */
  @SchemaFieldNumber("8")
  public abstract @Nullable OperationType getDefaultOperationType();

  /**
   * JSON {@code activity_text_template}, a free-form object (e.g. {@code {"en": "..."}}), as
   * compact JSON text. See {@link #activityTextTemplate()} for the tree.
   */
  @SchemaFieldNumber("9")
  public abstract @Nullable String getActivityTextTemplateJson();

  /** JSON {@code action_score}: the score a customer gains per activity of this type. */
  @SchemaFieldNumber("10")
  public abstract @Nullable Integer getActionScore();

  /** JSON {@code group} (read-only). */
  @SchemaFieldNumber("11")
  public abstract @Nullable ActionTypeGroup getGroup();

  /** {@link #getActivityTextTemplateJson()} parsed, numbers exact; null when absent. */
  public @Nullable JsonNode activityTextTemplate() {
    return FreeFormJson.toNode(getActivityTextTemplateJson());
  }

  public static Builder builder() {
    return new AutoValue_ActionType.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link ActionType}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setIntegration(@Nullable Integration integration);

    /** Sets the tags; the list is copied. */
    public abstract Builder setTags(@Nullable List<Tag> tags);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract Builder setIsOwned(@Nullable Boolean isOwned);

    public abstract Builder setCreatedAt(@Nullable Instant createdAt);

    public abstract Builder setUpdatedAt(@Nullable Instant updatedAt);

    public abstract Builder setDefaultOperationType(@Nullable OperationType type);

    /**
     * Sets the template as JSON text, which must be one JSON value (it is checked on write); see
     * {@link ModelJson#jsonText}.
     */
    public abstract Builder setActivityTextTemplateJson(@Nullable String json);

    public abstract Builder setActionScore(@Nullable Integer actionScore);

    public abstract Builder setGroup(@Nullable ActionTypeGroup group);

    abstract @Nullable List<Tag> getTags();

    abstract ActionType autoBuild();

    public ActionType build() {
      List<Tag> tags = getTags();
      if (tags != null) {
        // A record is a value: it must not change when the caller's list does.
        setTags(List.copyOf(tags));
      }
      return autoBuild();
    }
  }
}
