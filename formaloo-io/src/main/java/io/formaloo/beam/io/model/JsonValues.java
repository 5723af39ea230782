package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The field readers and writers every {@link JsonCodec} shares, so that each JSON type is read with
 * the same rules everywhere: JSON {@code null} reads as Java {@code null}, a value of the wrong
 * JSON type is an error naming the field (never a silent default), and {@code null} fields are not
 * written.
 */
final class JsonValues {
  private JsonValues() {}

  static JsonMappingException mismatch(JsonParser p, String message) {
    return JsonMappingException.from(p, message);
  }

  private static JsonMappingException wrongType(JsonParser p, String field, String expected) {
    return mismatch(
        p, "'" + field + "' must be " + expected + ", not " + describe(p.currentToken()));
  }

  private static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return t.toString();
    }
  }

  /**
   * Reads a string. A number is also taken, as its exact text: the API types decimals such as
   * {@code monetary_value} as strings, and a number sent where a string is expected still has one
   * faithful text form.
   */
  static @Nullable String string(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getText();
      default:
        throw wrongType(p, field, "a string");
    }
  }

  static @Nullable Integer integer(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        if (p.getNumberType() != JsonParser.NumberType.INT) {
          throw mismatch(p, "'" + field + "' is out of the range of a 32-bit integer");
        }
        return p.getIntValue();
      default:
        throw wrongType(p, field, "an integer");
    }
  }

  static @Nullable Long longInteger(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
          throw mismatch(p, "'" + field + "' is out of the range of a 64-bit integer");
        }
        return p.getLongValue();
      default:
        throw wrongType(p, field, "an integer");
    }
  }

  static @Nullable Boolean bool(JsonParser p, String field) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        throw wrongType(p, field, "a boolean");
    }
  }

  /** Reads an ISO-8601 timestamp; see {@link Timestamps#parse}. */
  static @Nullable Instant instant(JsonParser p, String field) throws IOException {
    String text = string(p, field);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(p, "'" + field + "' is not an ISO-8601 date-time: \"" + text + "\"");
    }
  }

  /** Reads an enum by its JSON value; {@code fromJson} rejects values it does not know. */
  static <E> @Nullable E enumValue(JsonParser p, String field, Function<String, E> fromJson)
      throws IOException {
    String text = string(p, field);
    if (text == null) {
      return null;
    }
    try {
      return fromJson.apply(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(p, "'" + field + "': " + e.getMessage());
    }
  }

  /** Reads a nested record, or null. */
  static <T> @Nullable T object(JsonParser p, String field, JsonCodec<T, ?> codec)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(p, field, "an object");
    }
    return codec.read(p);
  }

  /** Reads an array of records into an unmodifiable list; a null element is an error. */
  static <T> @Nullable List<T> list(JsonParser p, String field, JsonCodec<T, ?> codec)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    return Collections.unmodifiableList(elements(p, field, codec));
  }

  /** Reads the elements of the array the parser is on; leaves it on {@code END_ARRAY}. */
  static <T> List<T> elements(JsonParser p, String field, JsonCodec<T, ?> codec)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(p, field, "an array");
    }
    List<T> values = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw wrongType(p, field + "[" + values.size() + "]", "an object");
      }
      values.add(codec.read(p));
    }
    return values;
  }

  static void writeString(JsonGenerator g, String field, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  static void writeInteger(JsonGenerator g, String field, @Nullable Integer value)
      throws IOException {
    if (value != null) {
      g.writeNumberField(field, value.intValue());
    }
  }

  static void writeLong(JsonGenerator g, String field, @Nullable Long value) throws IOException {
    if (value != null) {
      g.writeNumberField(field, value.longValue());
    }
  }

  static void writeBoolean(JsonGenerator g, String field, @Nullable Boolean value)
      throws IOException {
    if (value != null) {
      g.writeBooleanField(field, value.booleanValue());
    }
  }

  static void writeInstant(JsonGenerator g, String field, @Nullable Instant value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, Timestamps.format(value));
    }
  }

  static <T> void writeObject(
      JsonGenerator g, String field, @Nullable T value, JsonCodec<T, ?> codec, JsonForm form)
      throws IOException {
    if (value != null) {
      g.writeFieldName(field);
      codec.write(value, g, form);
    }
  }

  static <T> void writeList(
      JsonGenerator g, String field, @Nullable List<T> values, JsonCodec<T, ?> codec, JsonForm form)
      throws IOException {
    if (values != null) {
      g.writeFieldName(field);
      writeElements(g, values, codec, form);
    }
  }

  static <T> void writeElements(
      JsonGenerator g, List<T> values, JsonCodec<T, ?> codec, JsonForm form) throws IOException {
    g.writeStartArray();
    for (T value : values) {
      codec.write(value, g, form);
    }
    g.writeEndArray();
  }

  static void writeFreeForm(JsonGenerator g, String field, @Nullable String json)
      throws IOException {
    if (json != null) {
      g.writeFieldName(field);
      FreeFormJson.write(g, json);
    }
  }
}
