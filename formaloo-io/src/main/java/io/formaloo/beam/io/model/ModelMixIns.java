package io.formaloo.beam.io.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * What Jackson needs to know about the model beyond the mapper's rules ({@link ModelMapper}), kept
 * here so that the model classes carry no JSON annotations.
 *
 * <p>Each record's mix-in lists its fields in the order the reference documents them, which is the
 * order they are written in. Jackson derives everything else: property names are the getters' and
 * the builders' setters' in snake case ({@code getFullName} and {@code setFullName} are {@code
 * full_name}), records are built through their AutoValue builders, and a mix-in on a model class or
 * its builder applies to the generated subclass too. What is left to say is, per class: which
 * builder builds it, which fields are the API's to set (written in the record form only, see {@link
 * JsonForm}), which are free-form JSON text, and the few names that are not the getter's.
 */
final class ModelMixIns {
  private ModelMixIns() {}

  /** Each model class, its builder, and enum with the mix-in that describes it, in one map. */
  static Map<Class<?>, Class<?>> byTarget() {
    Map<Class<?>, Class<?>> mixIns = new LinkedHashMap<>();
    mixIns.put(Customer.class, CustomerMixIn.class);
    mixIns.put(Customer.Builder.class, CustomerBuilderMixIn.class);
    mixIns.put(Tag.class, TagMixIn.class);
    mixIns.put(Tag.Builder.class, BuilderMixIn.class);
    mixIns.put(Activity.class, ActivityMixIn.class);
    mixIns.put(Activity.Builder.class, ActivityBuilderMixIn.class);
    mixIns.put(ActivityAction.class, ActivityActionMixIn.class);
    mixIns.put(ActivityAction.Builder.class, BuilderMixIn.class);
    mixIns.put(ActivityCustomer.class, ActivityCustomerMixIn.class);
    mixIns.put(ActivityCustomer.Builder.class, BuilderMixIn.class);
    mixIns.put(Currency.class, CurrencyMixIn.class);
    mixIns.put(Currency.Builder.class, CurrencyBuilderMixIn.class);
    mixIns.put(ActionType.class, ActionTypeMixIn.class);
    mixIns.put(ActionType.Builder.class, ActionTypeBuilderMixIn.class);
    mixIns.put(ActionTypeGroup.class, ActionTypeGroupMixIn.class);
    mixIns.put(ActionTypeGroup.Builder.class, ActionTypeGroupBuilderMixIn.class);
    mixIns.put(Integration.class, IntegrationMixIn.class);
    mixIns.put(Integration.Builder.class, BuilderMixIn.class);
    mixIns.put(Business.class, BusinessMixIn.class);
    mixIns.put(Business.Builder.class, BuilderMixIn.class);
    mixIns.put(CustomerBatchImport.class, CustomerBatchImportMixIn.class);
    mixIns.put(CustomerBatchImport.Builder.class, CustomerBatchImportBuilderMixIn.class);
    mixIns.put(OperationType.class, OperationTypeMixIn.class);
    mixIns.put(CustomerBatchImport.Status.class, BatchImportStatusMixIn.class);
    mixIns.put(CustomerBatchImport.FileType.class, BatchImportFileTypeMixIn.class);
    return mixIns;
  }

  /**
   * What every record shares: snake-case names, and fields that hold null left out when writing
   * (null and absent are the same to the model).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract static class RecordMixIn {}

  /** Builders set properties with {@code setX}, in snake case, and finish with {@code build()}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPOJOBuilder(withPrefix = "set")
  abstract static class BuilderMixIn {}

  // -------------------------------------------------------------------------------- customers

  @JsonDeserialize(builder = AutoValue_Customer.Builder.class)
  @JsonPropertyOrder({
    "code",
    "customer_data",
    "full_name",
    "email",
    "phone_number",
    "tags",
    "score",
    "created_at",
    "updated_at"
  })
  abstract static class CustomerMixIn extends RecordMixIn {
    @JsonView(JsonForm.Record.class)
    abstract String getCode();

    @JsonProperty("customer_data")
    @JsonSerialize(using = FreeFormText.Writer.class)
    abstract String getCustomerDataJson();

    @JsonView(JsonForm.Record.class)
    abstract Instant getCreatedAt();

    @JsonView(JsonForm.Record.class)
    abstract Instant getUpdatedAt();
  }

  abstract static class CustomerBuilderMixIn extends BuilderMixIn {
    @JsonProperty("customer_data")
    @JsonDeserialize(using = FreeFormText.Reader.class)
    abstract Customer.Builder setCustomerDataJson(String json);

    @JsonSetter(contentNulls = Nulls.FAIL)
    abstract Customer.Builder setTags(List<Tag> tags);
  }

  @JsonDeserialize(builder = AutoValue_Tag.Builder.class)
  @JsonPropertyOrder({"title", "description", "slug"})
  abstract static class TagMixIn extends RecordMixIn {}

  // ------------------------------------------------------------------------------- activities

  @JsonDeserialize(builder = AutoValue_Activity.Builder.class)
  @JsonPropertyOrder({
    "action",
    "operation_type",
    "description",
    "currency",
    "monetary_value",
    "activity_date",
    "customer",
    "created_at",
    "updated_at",
    "slug"
  })
  abstract static class ActivityMixIn extends RecordMixIn {
    /** Answers carry the currency as an object; requests name it by its iso code. */
    @JsonSerialize(using = CurrencyReference.Writer.class)
    abstract Currency getCurrency();

    @JsonView(JsonForm.Record.class)
    abstract Instant getCreatedAt();

    @JsonView(JsonForm.Record.class)
    abstract Instant getUpdatedAt();
  }

  abstract static class ActivityBuilderMixIn extends BuilderMixIn {
    /** An activity without an action is not one: {@code null} is refused, not read as absent. */
    @JsonSetter(nulls = Nulls.FAIL)
    abstract Activity.Builder setAction(ActivityAction action);

    /** Both of {@link ActivityMixIn#getCurrency}'s forms read. */
    @JsonDeserialize(using = CurrencyReference.Reader.class)
    abstract Activity.Builder setCurrency(Currency currency);
  }

  @JsonDeserialize(builder = AutoValue_ActivityAction.Builder.class)
  @JsonPropertyOrder({"title", "description", "slug"})
  abstract static class ActivityActionMixIn extends RecordMixIn {}

  @JsonDeserialize(builder = AutoValue_ActivityCustomer.Builder.class)
  @JsonPropertyOrder({
    "full_name",
    "email",
    "phone_number",
    "code",
    "slug",
    "created_at",
    "updated_at",
    "score",
    "level"
  })
  abstract static class ActivityCustomerMixIn extends RecordMixIn {
    @JsonView(JsonForm.Record.class)
    abstract Instant getCreatedAt();

    @JsonView(JsonForm.Record.class)
    abstract Instant getUpdatedAt();
  }

  @JsonDeserialize(builder = AutoValue_Currency.Builder.class)
  @JsonPropertyOrder({"title", "iso_code"})
  abstract static class CurrencyMixIn extends RecordMixIn {}

  abstract static class CurrencyBuilderMixIn extends BuilderMixIn {
    @JsonSetter(nulls = Nulls.FAIL)
    abstract Currency.Builder setIsoCode(String isoCode);
  }

  @JsonDeserialize(builder = AutoValue_Integration.Builder.class)
  @JsonPropertyOrder({"title", "description", "slug", "website"})
  abstract static class IntegrationMixIn extends RecordMixIn {}

  @JsonDeserialize(builder = AutoValue_Business.Builder.class)
  @JsonPropertyOrder({"title", "description", "slug"})
  abstract static class BusinessMixIn extends RecordMixIn {}

  // ----------------------------------------------------------------------------- action types

  @JsonDeserialize(builder = AutoValue_ActionType.Builder.class)
  @JsonPropertyOrder({
    "title",
    "description",
    "integration",
    "tags",
    "slug",
    "is_owned",
    "created_at",
    "updated_at",
    "default_operation_type",
    "activity_text_template",
    "action_score",
    "group"
  })
  abstract static class ActionTypeMixIn extends RecordMixIn {
    @JsonView(JsonForm.Record.class)
    abstract Integration getIntegration();

    @JsonView(JsonForm.Record.class)
    abstract List<Tag> getTags();

    @JsonView(JsonForm.Record.class)
    abstract String getSlug();

    @JsonView(JsonForm.Record.class)
    abstract Boolean getIsOwned();

    @JsonView(JsonForm.Record.class)
    abstract Instant getCreatedAt();

    @JsonView(JsonForm.Record.class)
    abstract Instant getUpdatedAt();

    @JsonProperty("activity_text_template")
    @JsonSerialize(using = FreeFormText.Writer.class)
    abstract String getActivityTextTemplateJson();

    @JsonView(JsonForm.Record.class)
    abstract ActionTypeGroup getGroup();
  }

  abstract static class ActionTypeBuilderMixIn extends BuilderMixIn {
    @JsonProperty("activity_text_template")
    @JsonDeserialize(using = FreeFormText.Reader.class)
    abstract ActionType.Builder setActivityTextTemplateJson(String json);

    @JsonSetter(contentNulls = Nulls.FAIL)
    abstract ActionType.Builder setTags(List<Tag> tags);
  }

  @JsonDeserialize(builder = AutoValue_ActionTypeGroup.Builder.class)
  @JsonPropertyOrder({"title", "description", "default_text_template", "slug"})
  abstract static class ActionTypeGroupMixIn extends RecordMixIn {
    @JsonProperty("default_text_template")
    @JsonSerialize(using = FreeFormText.Writer.class)
    abstract String getDefaultTextTemplateJson();
  }

  abstract static class ActionTypeGroupBuilderMixIn extends BuilderMixIn {
    @JsonProperty("default_text_template")
    @JsonDeserialize(using = FreeFormText.Reader.class)
    abstract ActionTypeGroup.Builder setDefaultTextTemplateJson(String json);
  }

  // ----------------------------------------------------------------------------- bulk imports

  @JsonDeserialize(builder = AutoValue_CustomerBatchImport.Builder.class)
  @JsonPropertyOrder({
    "status",
    "file",
    "customers_data",
    "file_type",
    "slug",
    "created_at",
    "imported_at",
    "import_results"
  })
  abstract static class CustomerBatchImportMixIn extends RecordMixIn {
    @JsonView(JsonForm.Record.class)
    abstract CustomerBatchImport.Status getStatus();

    @JsonProperty("customers_data")
    @JsonSerialize(using = FreeFormText.Writer.class)
    abstract String getCustomersDataJson();

    @JsonView(JsonForm.Record.class)
    abstract String getSlug();

    @JsonView(JsonForm.Record.class)
    abstract Instant getCreatedAt();

    @JsonView(JsonForm.Record.class)
    abstract Instant getImportedAt();

    @JsonView(JsonForm.Record.class)
    @JsonProperty("import_results")
    @JsonSerialize(using = FreeFormText.Writer.class)
    abstract String getImportResultsJson();
  }

  abstract static class CustomerBatchImportBuilderMixIn extends BuilderMixIn {
    @JsonProperty("customers_data")
    @JsonDeserialize(using = FreeFormText.Reader.class)
    abstract CustomerBatchImport.Builder setCustomersDataJson(String json);

    @JsonProperty("import_results")
    @JsonDeserialize(using = FreeFormText.Reader.class)
    abstract CustomerBatchImport.Builder setImportResultsJson(String json);
  }

  // ------------------------------------------------------------------------------------ enums

  /** Enums are written as their JSON value and read by it; an unknown value is an error. */
  abstract static class OperationTypeMixIn {
    @JsonValue
    abstract String jsonValue();

    @JsonCreator
    static OperationType fromJson(String value) {
      throw new AssertionError("a mix-in is never called");
    }
  }

  abstract static class BatchImportStatusMixIn {
    @JsonValue
    abstract String jsonValue();

    @JsonCreator
    static CustomerBatchImport.Status fromJson(String value) {
      throw new AssertionError("a mix-in is never called");
    }
  }

  abstract static class BatchImportFileTypeMixIn {
    @JsonValue
    abstract String jsonValue();

    @JsonCreator
    static CustomerBatchImport.FileType fromJson(String value) {
      throw new AssertionError("a mix-in is never called");
    }
  }
}
