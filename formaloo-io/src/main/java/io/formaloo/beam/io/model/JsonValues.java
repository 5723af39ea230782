package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The scalar readers (and the page's writers) the model shares, so that each JSON type is read with
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

  static String describe(@Nullable JsonToken t) {
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
}
