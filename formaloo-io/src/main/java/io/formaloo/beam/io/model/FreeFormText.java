package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * The one custom piece of the model's JSON: a free-form field ({@code customer_data}, {@code
 * import_results}, text templates) is held as compact JSON text, copied token by token so that its
 * numbers, key order and {@code null} members stay exactly as they came (see {@link FreeFormJson}).
 */
final class FreeFormText {
  private FreeFormText() {}

  /** Reads any JSON value as its compact text. */
  static final class Reader extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
      return FreeFormJson.capture(p);
    }
  }

  /** Writes the text as the JSON value it holds; text that is not one JSON value is an error. */
  static final class Writer extends JsonSerializer<String> {
    @Override
    public void serialize(String json, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      FreeFormJson.write(g, json);
    }
  }
}
