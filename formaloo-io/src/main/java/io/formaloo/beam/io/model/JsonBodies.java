package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What {@link ModelJson} reads and writes around the records, which Jackson binds: the response
 * envelope (the one place it is unwrapped), pages of a list, and errors worded for a person.
 */
final class JsonBodies {
  private JsonBodies() {}

  /** The members of an envelope, and nothing else; see {@link ModelJson#isEnvelope}. */
  static final Set<String> ENVELOPE_KEYS = Set.of("status", "errors", "data");

  private static final String MISSING_REQUIRED = "Missing required properties:";

  @FunctionalInterface
  interface ParserSource {
    JsonParser open() throws IOException;
  }

  /** Reads a value from a parser on its first token. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser p) throws IOException;
  }

  /**
   * Reads a whole body, unwrapping an envelope. A body whose first field is not an envelope key
   * cannot be an envelope (that is every bare record but a batch import job), so it is read
   * straight on, without a tree. Otherwise it is judged by {@link ModelJson#isEnvelope}, the one
   * rule for envelopes.
   */
  static <T> T read(ParserSource source, ValueReader<T> reader) throws JsonProcessingException {
    try {
      boolean mayBeEnvelope;
      try (JsonParser p = source.open()) {
        JsonToken first = p.nextToken();
        if (first == null) {
          throw JsonValues.mismatch(p, "empty body where JSON was expected");
        }
        mayBeEnvelope =
            first == JsonToken.START_OBJECT
                && p.nextToken() == JsonToken.FIELD_NAME
                && ENVELOPE_KEYS.contains(p.currentName());
      }
      return mayBeEnvelope ? readMaybeEnveloped(source, reader) : readDocument(source, reader);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // Only in-memory input reaches here, which has no I/O to fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a body that may be an envelope: judged on its tree, then the record is streamed from the
   * text again (from {@code data}, or from the top if it was no envelope), so that free-form fields
   * keep their numbers' exact text, which a tree's numbers do not.
   */
  private static <T> T readMaybeEnveloped(ParserSource source, ValueReader<T> reader)
      throws IOException {
    try (JsonParser p = source.open()) {
      JsonNode body = ModelMapper.MAPPER.readTree(p);
      expectEnd(p);
      if (!ModelJson.isEnvelope(body)) {
        return readDocument(source, reader);
      }
      if (!body.has("data")) {
        throw JsonValues.mismatch(
            p,
            "the answer is an envelope without data: status "
                + body.path("status").asText()
                + ", errors "
                + body.path("errors"));
      }
    }
    return readEnvelopeData(source, reader);
  }

  private static <T> T readDocument(ParserSource source, ValueReader<T> reader) throws IOException {
    try (JsonParser p = source.open()) {
      p.nextToken();
      T value = reader.read(p);
      expectEnd(p);
      return value;
    }
  }

  /** Reads {@code data} of a body already known to be an envelope with data. */
  private static <T> T readEnvelopeData(ParserSource source, ValueReader<T> reader)
      throws IOException {
    try (JsonParser p = source.open()) {
      p.nextToken();
      T value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("data")) {
          value = reader.read(p);
        } else {
          p.skipChildren();
        }
      }
      return value;
    }
  }

  private static void expectEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw JsonValues.mismatch(p, "unexpected content after the JSON value");
    }
  }

  /**
   * Reads the record the parser is on, leaving it on the record's {@code END_OBJECT}. A record is
   * an object ({@code null} or an array is not one); Jackson's errors about the builder are worded
   * as the model's: which field is missing or must not be null.
   */
  static <T> T record(JsonParser p, Class<T> type, ObjectReader reader) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonValues.mismatch(p, type.getSimpleName() + " must be a JSON object");
    }
    try {
      return reader.readValue(p);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      String message = cause == null ? null : cause.getMessage();
      if (cause instanceof IllegalStateException
          && message != null
          && message.startsWith(MISSING_REQUIRED)) {
        throw JsonValues.mismatch(
            p, type.getSimpleName() + " is missing its required " + apiNames(message) + at(e));
      }
      String field = lastFieldName(e);
      if (cause instanceof IllegalArgumentException && field != null) {
        // A value the model refuses (an enum's unknown name): the model's reason, and the field.
        throw JsonValues.mismatch(p, "'" + field + "': " + message);
      }
      throw e;
    } catch (InvalidNullException e) {
      throw JsonValues.mismatch(
          p, "'" + e.getPropertyName().getSimpleName() + "' must not be null" + at(e));
    } catch (MismatchedInputException e) {
      throw structureMismatch(p, e);
    }
  }

  /**
   * Jackson's own wording for a value of the wrong shape ("Cannot deserialize value of type
   * `java.util.ArrayList<...Tag>` from String value") names Java types, not the field; a user
   * reading a dead letter needs the field, as the model's scalar readers give it ({@link
   * JsonValues}): {@code 'tags' must be an array, not a string}.
   */
  private static JsonMappingException structureMismatch(JsonParser p, MismatchedInputException e) {
    String field = lastFieldName(e);
    Class<?> target = e.getTargetType();
    if (field == null || target == null) {
      return e;
    }
    String expected;
    if (target.isArray() || Collection.class.isAssignableFrom(target)) {
      expected = "an array";
    } else if (target.isEnum()) {
      expected = "a string"; // the API's enums are names
    } else if (Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.")) {
      expected = "an object"; // a nested record, or free-form data
    } else {
      expected = null;
    }
    if (expected == null) {
      return e;
    }
    String where = at(e);
    return JsonValues.mismatch(
        p,
        "'"
            + field
            + "' must be "
            + expected
            + ", not "
            + JsonValues.describe(p.currentToken())
            + (where.equals(" (at " + field + ")") ? "" : where));
  }

  private static @Nullable String lastFieldName(JsonMappingException e) {
    String name = null;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        name = reference.getFieldName();
      }
    }
    return name;
  }

  /** AutoValue names the missing properties as Java does; the API's names are snake case. */
  private static String apiNames(String missingRequired) {
    return Arrays.stream(missingRequired.substring(MISSING_REQUIRED.length()).trim().split("\\s+"))
        .map(name -> "'" + PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, name) + "'")
        .collect(Collectors.joining(", "));
  }

  /** Where in the record an error is, e.g. {@code " (at currency)"}; empty at the top. */
  private static String at(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " (at " + path + ")";
  }

  /**
   * Reads a page object whose records are under {@code listKey}, with {@code records} reading the
   * array.
   */
  static <T> Page<T> page(JsonParser p, String listKey, ValueReader<java.util.List<T>> records)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonValues.mismatch(p, "a page must be a JSON object");
    }
    Page.Builder<T> page = Page.<T>builder().setListKey(listKey);
    boolean hasRecords = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals(listKey)) {
        page.setRecords(records.read(p));
        hasRecords = true;
        continue;
      }
      switch (name) {
        case "count":
          page.setCount(JsonValues.longInteger(p, name));
          break;
        case "next":
          page.setNext(JsonValues.string(p, name));
          break;
        case "previous":
          page.setPrevious(JsonValues.string(p, name));
          break;
        case "page_size":
          page.setPageSize(JsonValues.integer(p, name));
          break;
        case "page_count":
          page.setPageCount(JsonValues.integer(p, name));
          break;
        case "current_page":
          page.setCurrentPage(JsonValues.integer(p, name));
          break;
        default:
          p.skipChildren();
      }
    }
    if (!hasRecords) {
      throw JsonValues.mismatch(p, "the page has no '" + listKey + "' array");
    }
    return page.build();
  }

  /**
   * Writes a record, a list of records, or a page of them, with {@code writer}'s form, as text:
   * characters outside the BMP stay themselves, as the UTF-8 form escapes them.
   */
  static String writeText(Object value, ObjectWriter writer) {
    StringWriter out = new StringWriter(256);
    write(value, writer, () -> ModelMapper.MAPPER.createGenerator(out));
    return out.toString();
  }

  /** As {@link #writeText}, as UTF-8 bytes. */
  static byte[] writeBytes(Object value, ObjectWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(value, writer, () -> ModelMapper.MAPPER.createGenerator(out));
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface GeneratorSource {
    JsonGenerator open() throws IOException;
  }

  private static void write(Object value, ObjectWriter writer, GeneratorSource sink) {
    try (JsonGenerator g = sink.open()) {
      if (value instanceof Page) {
        writePage(g, (Page<?>) value, writer);
      } else {
        writer.writeValue(g, value);
      }
    } catch (JsonMappingException e) {
      // A free-form field whose text is not JSON: the caller's mistake, reported as such.
      if (e.getCause() instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e.getCause();
      }
      throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // Only in-memory output reaches here, which has no I/O to fail.
      throw new UncheckedIOException(e);
    }
  }

  private static void writePage(JsonGenerator g, Page<?> page, ObjectWriter writer)
      throws IOException {
    g.writeStartObject();
    JsonValues.writeLong(g, "count", page.getCount());
    JsonValues.writeString(g, "next", page.getNext());
    JsonValues.writeString(g, "previous", page.getPrevious());
    JsonValues.writeInteger(g, "page_size", page.getPageSize());
    JsonValues.writeInteger(g, "page_count", page.getPageCount());
    JsonValues.writeInteger(g, "current_page", page.getCurrentPage());
    g.writeFieldName(page.getListKey());
    writer.writeValue(g, page.getRecords());
    g.writeEndObject();
  }
}
