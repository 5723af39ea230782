package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link ActivityAction}. */
final class ActivityActionCodec extends JsonCodec<ActivityAction, ActivityAction.Builder> {
  static final ActivityActionCodec INSTANCE = new ActivityActionCodec();

  private ActivityActionCodec() {
    super(ActivityAction.class);
  }

  @Override
  ActivityAction.Builder newBuilder() {
    return ActivityAction.builder();
  }

  @Override
  boolean readField(ActivityAction.Builder b, String name, JsonParser p) throws IOException {
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
  ActivityAction build(ActivityAction.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(ActivityAction v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    JsonValues.writeString(g, "slug", v.getSlug());
    g.writeEndObject();
  }
}
