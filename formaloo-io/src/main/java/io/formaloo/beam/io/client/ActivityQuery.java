package io.formaloo.beam.io.client;

import com.google.auto.value.AutoValue;
import io.formaloo.beam.io.model.OperationType;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The filters of {@code GET /activities}. Every filter is optional; {@link #all()} has none.
 * Serializable, so that queries can be the elements of a {@code PCollection}.
 */
@AutoValue
public abstract class ActivityQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code action_type}: an action type's slug. */
  public abstract @Nullable String actionType();

  /** {@code activity_date}: the day the activity happened. */
  public abstract @Nullable LocalDate activityDate();

  /** {@code created_at}: the day the activity was recorded. */
  public abstract @Nullable LocalDate createdAt();

  /** {@code customer}: a customer's code. */
  public abstract @Nullable String customer();

  /** {@code operation_type}: any of these operations. */
  public abstract @Nullable List<OperationType> operationTypes();

  /** {@code search}: a free-text search. */
  public abstract @Nullable String search();

  /** No filter: every activity. */
  public static ActivityQuery all() {
    return builder().build();
  }

  /** A builder with no filter set. */
  public static Builder builder() {
    return new AutoValue_ActivityQuery.Builder();
  }

  /** A builder starting from this query. */
  public abstract Builder toBuilder();

  /** The query parameters, in the API's names; the unset filters left out. */
  public Map<String, String> toParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (actionType() != null) {
      p.put("action_type", actionType());
    }
    if (activityDate() != null) {
      p.put("activity_date", activityDate().toString());
    }
    if (createdAt() != null) {
      p.put("created_at", createdAt().toString());
    }
    if (customer() != null) {
      p.put("customer", customer());
    }
    if (operationTypes() != null && !operationTypes().isEmpty()) {
      p.put(
          "operation_type",
          operationTypes().stream().map(OperationType::jsonValue).collect(Collectors.joining(",")));
    }
    if (search() != null) {
      p.put("search", search());
    }
    return p;
  }

  /** Builds an {@link ActivityQuery}. */
  @AutoValue.Builder
  public abstract static class Builder {
    /** See {@link ActivityQuery#actionType()}. */
    public abstract Builder actionType(@Nullable String actionTypeSlug);

    /** See {@link ActivityQuery#activityDate()}. */
    public abstract Builder activityDate(@Nullable LocalDate day);

    /** See {@link ActivityQuery#createdAt()}. */
    public abstract Builder createdAt(@Nullable LocalDate day);

    /** See {@link ActivityQuery#customer()}. */
    public abstract Builder customer(@Nullable String customerCode);

    /** See {@link ActivityQuery#operationTypes()}; the list is copied. */
    public abstract Builder operationTypes(@Nullable List<OperationType> operationTypes);

    /** See {@link ActivityQuery#search()}. */
    public abstract Builder search(@Nullable String search);

    abstract @Nullable List<OperationType> operationTypes();

    abstract ActivityQuery autoBuild();

    /** Builds the query. */
    public ActivityQuery build() {
      if (operationTypes() != null) {
        operationTypes(List.copyOf(operationTypes()));
      }
      return autoBuild();
    }
  }
}
