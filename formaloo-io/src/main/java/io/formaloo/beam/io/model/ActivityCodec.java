package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.checkerframework.checker.nullness.qual.Nullable;

/** JSON for {@link Activity}. */
final class ActivityCodec extends JsonCodec<Activity, Activity.Builder> {
  static final ActivityCodec INSTANCE = new ActivityCodec();

  private ActivityCodec() {
    super(Activity.class);
  }

  @Override
  Activity.Builder newBuilder() {
    return Activity.builder();
  }

  @Override
  boolean readField(Activity.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "action":
        ActivityAction action = JsonValues.object(p, name, ActivityActionCodec.INSTANCE);
        if (action == null) {
          throw JsonValues.mismatch(p, "Activity 'action' must not be null");
        }
        b.setAction(action);
        return true;
      case "operation_type":
        b.setOperationType(JsonValues.enumValue(p, name, OperationType::fromJson));
        return true;
      case "description":
        b.setDescription(JsonValues.string(p, name));
        return true;
      case "currency":
        b.setCurrency(readCurrency(p, name));
        return true;
      case "monetary_value":
        b.setMonetaryValue(JsonValues.string(p, name));
        return true;
      case "activity_date":
        b.setActivityDate(JsonValues.instant(p, name));
        return true;
      case "customer":
        b.setCustomer(JsonValues.object(p, name, ActivityCustomerCodec.INSTANCE));
        return true;
      case "created_at":
        b.setCreatedAt(JsonValues.instant(p, name));
        return true;
      case "updated_at":
        b.setUpdatedAt(JsonValues.instant(p, name));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      default:
        return false;
    }
  }

  /** Answers carry the currency as an object; requests name it by iso code. Both read. */
  private static @Nullable Currency readCurrency(JsonParser p, String name) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return Currency.of(p.getText());
    }
    return JsonValues.object(p, name, CurrencyCodec.INSTANCE);
  }

  @Override
  Activity build(Activity.Builder b, JsonParser p) throws IOException {
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw JsonValues.mismatch(p, "Activity is missing its required 'action'");
    }
  }

  @Override
  void write(Activity v, JsonGenerator g, JsonForm form) throws IOException {
    boolean record = form == JsonForm.RECORD;
    g.writeStartObject();
    JsonValues.writeObject(g, "action", v.getAction(), ActivityActionCodec.INSTANCE, form);
    OperationType type = v.getOperationType();
    JsonValues.writeString(g, "operation_type", type == null ? null : type.jsonValue());
    JsonValues.writeString(g, "description", v.getDescription());
    Currency currency = v.getCurrency();
    if (currency != null) {
      if (record) {
        JsonValues.writeObject(g, "currency", currency, CurrencyCodec.INSTANCE, form);
      } else {
        g.writeStringField("currency", currency.getIsoCode());
      }
    }
    JsonValues.writeString(g, "monetary_value", v.getMonetaryValue());
    JsonValues.writeInstant(g, "activity_date", v.getActivityDate());
    JsonValues.writeObject(g, "customer", v.getCustomer(), ActivityCustomerCodec.INSTANCE, form);
    if (record) {
      JsonValues.writeInstant(g, "created_at", v.getCreatedAt());
      JsonValues.writeInstant(g, "updated_at", v.getUpdatedAt());
    }
    JsonValues.writeString(g, "slug", v.getSlug());
    g.writeEndObject();
  }
}
