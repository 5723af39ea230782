package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The action type of an activity, as the activity carries it: the reference's {@code
 * ActionTypeShort}.
 *
 * <p>Every field is optional because in a request it is a reference: an existing action type is
 * named by its slug, a new one by its title (and description).
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class ActivityAction implements Serializable {

  /** JSON {@code title}. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code description}. */
  @SchemaFieldNumber("1")
  public abstract @Nullable String getDescription();

  /** JSON {@code slug}: the action type's identity. */
  @SchemaFieldNumber("2")
  public abstract @Nullable String getSlug();

  /** An existing action type, named by its slug. */
  public static ActivityAction ofSlug(String slug) {
    return builder().setSlug(slug).build();
  }

  public static Builder builder() {
    return new AutoValue_ActivityAction.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds an {@link ActivityAction}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setDescription(@Nullable String description);

    public abstract Builder setSlug(@Nullable String slug);

    public abstract ActivityAction build();
  }
}
