package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.formaloo.beam.io.model.ModelJson;

/**
 * The wrapper the live service has been seen to put around answers: {@code {"status": 200,
 * "errors": {...}, "data": {...}}}. The documented answers are bare; the client accepts both.
 */
final class Envelope {
  private Envelope() {}

  /**
   * Whether {@code node} is an envelope, by the model's one rule ({@link ModelJson#isEnvelope}): a
   * numeric {@code status}, a {@code data} or an {@code errors}, and nothing else.
   */
  static boolean isEnvelope(JsonNode node) {
    return node != null && ModelJson.isEnvelope(node);
  }

  /** The answer's payload: {@code data} of an envelope, else the node itself. */
  static JsonNode data(JsonNode node) {
    return ModelJson.unwrapEnvelope(node);
  }

  /** The answer's errors: {@code errors} of an envelope (or its data), else the node itself. */
  static JsonNode errors(JsonNode node) {
    if (!isEnvelope(node)) {
      return node;
    }
    JsonNode errors = node.path("errors");
    if (errors.isObject() && errors.size() > 0 || errors.isArray() && errors.size() > 0) {
      return errors;
    }
    JsonNode data = node.path("data");
    return data.isNull() ? MissingNode.getInstance() : data;
  }
}
