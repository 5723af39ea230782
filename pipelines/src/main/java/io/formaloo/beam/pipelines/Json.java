package io.formaloo.beam.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of this module, for JSON that is not a model record (the dead letters).
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
