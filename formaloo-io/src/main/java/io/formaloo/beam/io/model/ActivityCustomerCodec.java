package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link ActivityCustomer}. */
final class ActivityCustomerCodec extends JsonCodec<ActivityCustomer, ActivityCustomer.Builder> {
  static final ActivityCustomerCodec INSTANCE = new ActivityCustomerCodec();

  private ActivityCustomerCodec() {
    super(ActivityCustomer.class);
  }

  @Override
  ActivityCustomer.Builder newBuilder() {
    return ActivityCustomer.builder();
  }

  @Override
  boolean readField(ActivityCustomer.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "full_name":
        b.setFullName(JsonValues.string(p, name));
        return true;
      case "email":
        b.setEmail(JsonValues.string(p, name));
        return true;
      case "phone_number":
        b.setPhoneNumber(JsonValues.string(p, name));
        return true;
      case "code":
        b.setCode(JsonValues.string(p, name));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      case "created_at":
        b.setCreatedAt(JsonValues.instant(p, name));
        return true;
      case "updated_at":
        b.setUpdatedAt(JsonValues.instant(p, name));
        return true;
      case "score":
        b.setScore(JsonValues.integer(p, name));
        return true;
      case "level":
        b.setLevel(JsonValues.integer(p, name));
        return true;
      default:
        return false;
    }
  }

  @Override
  ActivityCustomer build(ActivityCustomer.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(ActivityCustomer v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "full_name", v.getFullName());
    JsonValues.writeString(g, "email", v.getEmail());
    JsonValues.writeString(g, "phone_number", v.getPhoneNumber());
    JsonValues.writeString(g, "code", v.getCode());
    JsonValues.writeString(g, "slug", v.getSlug());
    if (form == JsonForm.RECORD) {
      JsonValues.writeInstant(g, "created_at", v.getCreatedAt());
      JsonValues.writeInstant(g, "updated_at", v.getUpdatedAt());
    }
    JsonValues.writeInteger(g, "score", v.getScore());
    JsonValues.writeInteger(g, "level", v.getLevel());
    g.writeEndObject();
  }
}
