package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The wrapper the live service has been seen to put around answers: {@code {"status": 200,
 * "errors": {...}, "data": {...}}}. The documented answers are bare; the client accepts both.
 */
final class Envelope {
  private static final Set<String> FIELDS = Set.of("status", "errors", "data");

  private Envelope() {}

  /**
   * Whether {@code node} is an envelope: a numeric {@code status}, a {@code data} or an {@code
   * errors}, and nothing else. The last condition keeps records that merely have a {@code status}
   * field (a batch import job) from being mistaken for one.
   */
  static boolean isEnvelope(JsonNode node) {
    if (node == null
        || !node.isObject()
        || !node.path("status").isIntegralNumber()
        || !(node.has("data") || node.has("errors"))) {
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!FIELDS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  /** The answer's payload: {@code data} of an envelope, else the node itself. */
  static JsonNode data(JsonNode node) {
    return isEnvelope(node) ? node.path("data") : node;
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
