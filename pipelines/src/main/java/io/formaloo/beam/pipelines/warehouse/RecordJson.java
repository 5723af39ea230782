package io.formaloo.beam.pipelines.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** The records' JSON objects (the API's JSON, one per row) as trees. */
final class RecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {}

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
