package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link ActionTypeGroup}. */
final class ActionTypeGroupCodec extends JsonCodec<ActionTypeGroup, ActionTypeGroup.Builder> {
  static final ActionTypeGroupCodec INSTANCE = new ActionTypeGroupCodec();

  private ActionTypeGroupCodec() {
    super(ActionTypeGroup.class);
  }

  @Override
  ActionTypeGroup.Builder newBuilder() {
    return ActionTypeGroup.builder();
  }

  @Override
  boolean readField(ActionTypeGroup.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "title":
        b.setTitle(JsonValues.string(p, name));
        return true;
      case "description":
        b.setDescription(JsonValues.string(p, name));
        return true;
      case "default_text_template":
        b.setDefaultTextTemplateJson(FreeFormJson.capture(p));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      default:
        return false;
    }
  }

  @Override
  ActionTypeGroup build(ActionTypeGroup.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(ActionTypeGroup v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    JsonValues.writeFreeForm(g, "default_text_template", v.getDefaultTextTemplateJson());
    JsonValues.writeString(g, "slug", v.getSlug());
    g.writeEndObject();
  }
}
