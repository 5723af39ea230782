package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link ActionType}. */
final class ActionTypeCodec extends JsonCodec<ActionType, ActionType.Builder> {
  static final ActionTypeCodec INSTANCE = new ActionTypeCodec();

  private ActionTypeCodec() {
    super(ActionType.class);
  }

  @Override
  ActionType.Builder newBuilder() {
    return ActionType.builder();
  }

  @Override
  boolean readField(ActionType.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "title":
        b.setTitle(JsonValues.string(p, name));
        return true;
      case "description":
        b.setDescription(JsonValues.string(p, name));
        return true;
      case "integration":
        b.setIntegration(JsonValues.object(p, name, IntegrationCodec.INSTANCE));
        return true;
      case "tags":
        b.setTags(JsonValues.list(p, name, TagCodec.INSTANCE));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      case "is_owned":
        b.setIsOwned(JsonValues.bool(p, name));
        return true;
      case "created_at":
        b.setCreatedAt(JsonValues.instant(p, name));
        return true;
      case "updated_at":
        b.setUpdatedAt(JsonValues.instant(p, name));
        return true;
      case "default_operation_type":
        b.setDefaultOperationType(JsonValues.enumValue(p, name, OperationType::fromJson));
        return true;
      case "activity_text_template":
        b.setActivityTextTemplateJson(FreeFormJson.capture(p));
        return true;
      case "action_score":
        b.setActionScore(JsonValues.integer(p, name));
        return true;
      case "group":
        b.setGroup(JsonValues.object(p, name, ActionTypeGroupCodec.INSTANCE));
        return true;
      default:
        return false;
    }
  }

  @Override
  ActionType build(ActionType.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(ActionType v, JsonGenerator g, JsonForm form) throws IOException {
    boolean record = form == JsonForm.RECORD;
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "description", v.getDescription());
    if (record) {
      JsonValues.writeObject(g, "integration", v.getIntegration(), IntegrationCodec.INSTANCE, form);
      JsonValues.writeList(g, "tags", v.getTags(), TagCodec.INSTANCE, form);
      JsonValues.writeString(g, "slug", v.getSlug());
      JsonValues.writeBoolean(g, "is_owned", v.getIsOwned());
      JsonValues.writeInstant(g, "created_at", v.getCreatedAt());
      JsonValues.writeInstant(g, "updated_at", v.getUpdatedAt());
    }
    OperationType type = v.getDefaultOperationType();
    JsonValues.writeString(g, "default_operation_type", type == null ? null : type.jsonValue());
    JsonValues.writeFreeForm(g, "activity_text_template", v.getActivityTextTemplateJson());
    JsonValues.writeInteger(g, "action_score", v.getActionScore());
    if (record) {
      JsonValues.writeObject(g, "group", v.getGroup(), ActionTypeGroupCodec.INSTANCE, form);
    }
    g.writeEndObject();
  }
}
