package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A currency that monetary activities are valued in: the reference's {@code Currency}.
 *
 * <p>The iso code is the currency's identity and the only field a request needs (an activity names
 * its currency by iso code), so it is the one required field.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class Currency implements Serializable {

  /** JSON {@code title}: the display name. */
  @SchemaFieldNumber("0")
  public abstract @Nullable String getTitle();

  /** JSON {@code iso_code}, e.g. {@code USD}. */
  @SchemaFieldNumber("1")
  public abstract String getIsoCode();

  /** A currency known only by its iso code, as an activity request names it. */
  public static Currency of(String isoCode) {
    return builder().setIsoCode(isoCode).build();
  }

  public static Builder builder() {
    return new AutoValue_Currency.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Currency}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setIsoCode(String isoCode);

    public abstract Currency build();
  }
}
