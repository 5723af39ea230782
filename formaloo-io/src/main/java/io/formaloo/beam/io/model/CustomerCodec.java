package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link Customer}. */
final class CustomerCodec extends JsonCodec<Customer, Customer.Builder> {
  static final CustomerCodec INSTANCE = new CustomerCodec();

  private CustomerCodec() {
    super(Customer.class);
  }

  @Override
  Customer.Builder newBuilder() {
    return Customer.builder();
  }

  @Override
  boolean readField(Customer.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "code":
        b.setCode(JsonValues.string(p, name));
        return true;
      case "customer_data":
        b.setCustomerDataJson(FreeFormJson.capture(p));
        return true;
      case "full_name":
        b.setFullName(JsonValues.string(p, name));
        return true;
      case "email":
        b.setEmail(JsonValues.string(p, name));
        return true;
      case "phone_number":
        b.setPhoneNumber(JsonValues.string(p, name));
        return true;
      case "tags":
        b.setTags(JsonValues.list(p, name, TagCodec.INSTANCE));
        return true;
      case "score":
        b.setScore(JsonValues.integer(p, name));
        return true;
      case "created_at":
        b.setCreatedAt(JsonValues.instant(p, name));
        return true;
      case "updated_at":
        b.setUpdatedAt(JsonValues.instant(p, name));
        return true;
      default:
        return false;
    }
  }

  @Override
  Customer build(Customer.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(Customer v, JsonGenerator g, JsonForm form) throws IOException {
    boolean record = form == JsonForm.RECORD;
    g.writeStartObject();
    if (record) {
      JsonValues.writeString(g, "code", v.getCode());
    }
    JsonValues.writeFreeForm(g, "customer_data", v.getCustomerDataJson());
    JsonValues.writeString(g, "full_name", v.getFullName());
    JsonValues.writeString(g, "email", v.getEmail());
    JsonValues.writeString(g, "phone_number", v.getPhoneNumber());
    JsonValues.writeList(g, "tags", v.getTags(), TagCodec.INSTANCE, form);
    JsonValues.writeInteger(g, "score", v.getScore());
    if (record) {
      JsonValues.writeInstant(g, "created_at", v.getCreatedAt());
      JsonValues.writeInstant(g, "updated_at", v.getUpdatedAt());
    }
    g.writeEndObject();
  }
}
