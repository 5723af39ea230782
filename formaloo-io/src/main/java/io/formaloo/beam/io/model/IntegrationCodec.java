package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link Integration}. */
final class IntegrationCodec extends JsonCodec<Integration, Integration.Builder> {
  static final IntegrationCodec INSTANCE = new IntegrationCodec();

  private IntegrationCodec() {
    super(Integration.class);
  }

  @Override
  Integration.Builder newBuilder() {
    return Integration.builder();
  }

  @Override
  boolean readField(Integration.Builder b, String name, JsonParser p) throws IOException {
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
      case "website":
        b.setWebsite(JsonValues.string(p, name));
        return true;
      default:
        return false;
    }
  }

  @Override
  Integration build(Integration.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(Integration v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    JsonValues.writeString(g, "slug", v.getSlug());
    JsonValues.writeString(g, "website", v.getWebsite());
    g.writeEndObject();
  }
}
