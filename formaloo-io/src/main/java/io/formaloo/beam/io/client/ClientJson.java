package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.formaloo.beam.io.model.ModelJson;
import java.io.IOException;

/** The client's JSON reading and writing. */
final class ClientJson {
  /**
   * The model's mapper configuration, so that the client and the model read JSON alike: exact
   * decimals (free-form fields such as {@code customer_data} must not lose digits) and unknown
   * properties ignored. Never reconfigured after this line.
   */
  static final ObjectMapper MAPPER = ModelJson.newObjectMapper();

  private ClientJson() {}

  /** Parses {@code body}; an empty body is {@link MissingNode}. */
  static JsonNode parse(byte[] body) throws IOException {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    return MAPPER.readTree(body);
  }

  /** Like {@link #parse(byte[])}, but a body that is not JSON is {@link MissingNode}. */
  static JsonNode parseLeniently(byte[] body) {
    try {
      JsonNode node = parse(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
