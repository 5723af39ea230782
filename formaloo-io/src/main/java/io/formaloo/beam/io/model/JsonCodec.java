package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads and writes one model class on Jackson's streaming API.
 *
 * <p>Hand-written rather than data-bound: a switch on the field name per token is the cheapest way
 * to read a page of records, it keeps AutoValue classes free of Jackson annotations, and it makes
 * the two rules every class shares explicit in one place: unknown fields are skipped, and JSON
 * {@code null} is the same as an absent field.
 *
 * @param <T> the model class
 * @param <B> its builder
 */
abstract class JsonCodec<T, B> {
  private final Class<T> type;

  JsonCodec(Class<T> type) {
    this.type = type;
  }

  final Class<T> type() {
    return type;
  }

  /**
   * Reads one object. The parser is on its {@code START_OBJECT}, or already past it on the first
   * {@code FIELD_NAME} (or the {@code END_OBJECT} of an empty object); it is left on the object's
   * {@code END_OBJECT}.
   */
  final T read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      throw JsonValues.mismatch(p, type.getSimpleName() + " must be a JSON object");
    }
    B builder = newBuilder();
    while (t == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!readField(builder, name, p)) {
        p.skipChildren();
      }
      t = p.nextToken();
    }
    if (t != JsonToken.END_OBJECT) {
      throw JsonValues.mismatch(p, type.getSimpleName() + " is not a complete JSON object");
    }
    return build(builder, p);
  }

  /** Writes one object, leaving out the fields that hold null. */
  abstract void write(T value, JsonGenerator g, JsonForm form) throws IOException;

  abstract B newBuilder();

  /**
   * Reads the value of field {@code name}; the parser is on its first token. Answers false for a
   * field the class does not know, which the caller then skips.
   */
  abstract boolean readField(B builder, String name, JsonParser p) throws IOException;

  /** Builds the record; reports a missing required field as a mapping error at {@code p}. */
  abstract T build(B builder, JsonParser p) throws IOException;
}
