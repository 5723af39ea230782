package io.formaloo.beam.pipelines.records;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of this module, for JSON that is not a model record (the dead letters).
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
