package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Free-form JSON values ({@code customer_data}, {@code import_results}, text templates, ...), which
 * the model keeps as compact JSON text so that Beam can carry them in a schema as a plain {@code
 * STRING} without losing anything.
 *
 * <p>Copying is token by token and exact: numbers keep their original text (so {@code 1.10} stays
 * {@code 1.10} and a 30-digit integer stays whole), object keys keep their order and {@code null}
 * members are kept.
 */
final class FreeFormJson {
  /** The module's one mapper ({@link ModelMapper}), which reads trees without rounding. */
  static final ObjectMapper TREES = ModelMapper.MAPPER;

  static final JsonFactory FACTORY = TREES.getFactory();

  private FreeFormJson() {}

  /** Captures the value the parser is on as compact JSON text; JSON {@code null} gives null. */
  static @Nullable String capture(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    // A plain StringWriter: the generator's own buffer comes from the factory's recycled pool.
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      copy(p, g);
    }
    return out.toString();
  }

  /**
   * Copies the value the parser is on (a scalar, or a whole object or array) to {@code g}. The
   * parser is left on the value's last token.
   */
  static void copy(JsonParser p, JsonGenerator g) throws IOException {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      if (t == null) {
        throw JsonValues.mismatch(p, "unexpected end of the input in a JSON value");
      }
      switch (t) {
        case START_OBJECT:
          g.writeStartObject();
          depth++;
          break;
        case END_OBJECT:
          g.writeEndObject();
          depth--;
          break;
        case START_ARRAY:
          g.writeStartArray();
          depth++;
          break;
        case END_ARRAY:
          g.writeEndArray();
          depth--;
          break;
        case FIELD_NAME:
          g.writeFieldName(p.currentName());
          break;
        case VALUE_STRING:
          g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          // The text as it came: exact where a double or even BigDecimal.toString() is not.
          g.writeNumber(p.getText());
          break;
        case VALUE_TRUE:
          g.writeBoolean(true);
          break;
        case VALUE_FALSE:
          g.writeBoolean(false);
          break;
        case VALUE_NULL:
          g.writeNull();
          break;
        default:
          throw JsonValues.mismatch(p, "cannot copy a " + t + " into JSON text");
      }
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  /**
   * Writes JSON text as a value of {@code g}, copying it token by token so that what is written is
   * always well-formed.
   *
   * @throws IllegalArgumentException if {@code json} is not one JSON value
   */
  static void write(JsonGenerator g, String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("Empty text where a JSON value was expected");
      }
      copy(p, g);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("More than one JSON value in: " + abbreviate(json));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not valid JSON: " + abbreviate(json), e);
    }
  }

  /** Parses JSON text into a tree, numbers exact. */
  static @Nullable JsonNode toNode(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      return TREES.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Not valid JSON: " + abbreviate(json), e);
    }
  }

  /** Writes any value Jackson can serialize (a tree, a map, ...) as compact JSON text. */
  static @Nullable String fromValue(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return TREES.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write as JSON: " + value.getClass(), e);
    }
  }

  private static String abbreviate(String json) {
    return json.length() <= 80 ? json : json.substring(0, 77) + "...";
  }
}
