package io.formaloo.beam.io.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module's one Jackson configuration: data binding of the model through its mix-ins ({@link
 * ModelMixIns}) and value readers ({@link ModelValues}), and trees read without rounding (floats as
 * {@code BigDecimal} with their scale, so a free-form value read and written back is the value that
 * came in). Built once; never reconfigured. The client reads trees with the same mapper.
 */
final class ModelMapper {
  private ModelMapper() {}

  static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

  private static final ObjectWriter RECORD_WRITER = MAPPER.writerWithView(JsonForm.Record.class);
  private static final ObjectWriter REQUEST_WRITER = MAPPER.writerWithView(JsonForm.Request.class);
  private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

  /** The model's configuration on a caller's builder (see {@link ModelJson#newObjectMapper}). */
  static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // A service that adds fields must not break a pipeline.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(module());
  }

  /** The mix-ins and value readers and writers, as one module. */
  static SimpleModule module() {
    SimpleModule module = ModelValues.module();
    ModelMixIns.byTarget().forEach(module::setMixInAnnotation);
    return module;
  }

  /** Reads one model class; cached, as an {@link ObjectReader} is immutable and thread-safe. */
  static ObjectReader reader(Class<?> type) {
    return READERS.computeIfAbsent(type, MAPPER::readerFor);
  }

  static ObjectWriter writer(boolean requestForm) {
    return requestForm ? REQUEST_WRITER : RECORD_WRITER;
  }
}
