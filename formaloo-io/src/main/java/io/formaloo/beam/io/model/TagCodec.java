package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link Tag}. */
final class TagCodec extends JsonCodec<Tag, Tag.Builder> {
  static final TagCodec INSTANCE = new TagCodec();

  private TagCodec() {
    super(Tag.class);
  }

  @Override
  Tag.Builder newBuilder() {
    return Tag.builder();
  }

  @Override
  boolean readField(Tag.Builder b, String name, JsonParser p) throws IOException {
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
  Tag build(Tag.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(Tag v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    JsonValues.writeString(g, "slug", v.getSlug());
    g.writeEndObject();
  }
}
