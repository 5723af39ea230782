package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link Business}. */
final class BusinessCodec extends JsonCodec<Business, Business.Builder> {
  static final BusinessCodec INSTANCE = new BusinessCodec();

  private BusinessCodec() {
    super(Business.class);
  }

  @Override
  Business.Builder newBuilder() {
    return Business.builder();
  }

  @Override
  boolean readField(Business.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "title":
        b.setTitle(JsonValues.string(p, name));
        return true;
      case "description":
        b.setDescription(JsonValues.string(p, name));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      default:
        return false;
    }
  }

  @Override
  Business build(Business.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(Business v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    JsonValues.writeString(g, "slug", v.getSlug());
    g.writeEndObject();
  }
}
