package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects DRF-style validation errors: {@code {"field": ["message", ...], "nested": {"field":
 * [...]}}}. A handler validates the whole body, then throws once if anything was wrong, as DRF
 * does.
 */
final class FieldErrors {
  static final String NON_FIELD = "non_field_errors";

  private final ObjectNode errors = Json.MAPPER.createObjectNode();

  FieldErrors add(String field, String message) {
    JsonNode existing = errors.get(field);
    ArrayNode messages =
        existing instanceof ArrayNode ? (ArrayNode) existing : errors.putArray(field);
    messages.add(message);
    return this;
  }

  FieldErrors nest(String field, FieldErrors nested) {
    if (!nested.isEmpty()) {
      errors.set(field, nested.toJson());
    }
    return this;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  ObjectNode toJson() {
    return errors;
  }

  /** Throws a 400 carrying these errors if there are any. */
  void throwIfAny() {
    if (!isEmpty()) {
      throw ApiException.badRequest(this);
    }
  }

  static ApiException single(String field, String message) {
    return ApiException.badRequest(new FieldErrors().add(field, message));
  }
}
