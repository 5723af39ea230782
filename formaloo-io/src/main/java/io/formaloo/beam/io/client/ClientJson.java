package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** The client's JSON reading and writing. */
final class ClientJson {
  /** Exact decimals: free-form fields such as {@code customer_data} must not lose digits. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

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
