package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one place the API's JSON is read and written: every model class, pages of them, plain arrays
 * of them, and the response envelope.
 *
 * <p>Field names are the API's ({@code full_name}, {@code created_at}, ...). Reading skips fields
 * the model does not know, so a service that adds fields does not break a pipeline; a known field
 * with a value of the wrong JSON type is an error naming the field. JSON {@code null} and an absent
 * field are the same to the model (its optional fields are {@code @Nullable}), and writing leaves
 * null fields out: a record written and read back is equal to itself, and a record read from any of
 * the reference's examples writes back that example.
 *
 * <p>Timestamps are read from ISO-8601 with any offset and written in UTC as {@code
 * 2019-08-24T14:15:22Z}, with a fraction only when the value has one; Beam's {@code DATETIME} holds
 * milliseconds, so finer digits are dropped.
 *
 * <p>Records are data-bound by Jackson with the model's one mapper configuration ({@link
 * ModelMapper}: mix-ins, so the model keeps no JSON annotations, and strict scalar readers); this
 * class adds what lies around them: envelopes, pages and lists ({@link JsonBodies}). Parsing is
 * streaming and tree-free on the usual path. Thread-safe.
 */
public final class ModelJson {

  private static final Set<Class<?>> MODEL_CLASSES =
      Set.of(
          Customer.class,
          Tag.class,
          Activity.class,
          ActivityAction.class,
          ActivityCustomer.class,
          Currency.class,
          ActionType.class,
          ActionTypeGroup.class,
          Integration.class,
          Business.class,
          CustomerBatchImport.class);

  private static final Map<Class<?>, String> LIST_KEYS =
      Map.of(
          Customer.class, "customers",
          Activity.class, "activities",
          Tag.class, "tags",
          ActionType.class, "action_types",
          ActionTypeGroup.class, "action_type_groups",
          Currency.class, "currencies");

  private ModelJson() {}

  /** The model classes this class reads and writes. */
  public static Set<Class<?>> modelClasses() {
    return MODEL_CLASSES;
  }

  /**
   * The key that holds the records in a page of {@code recordClass}, e.g. {@code customers} for
   * {@link Customer}.
   *
   * @throws IllegalArgumentException for a class no list endpoint pages
   */
  public static String listKey(Class<?> recordClass) {
    String key = LIST_KEYS.get(recordClass);
    if (key == null) {
      throw new IllegalArgumentException("No list endpoint pages " + recordClass.getName());
    }
    return key;
  }

  // ---------------------------------------------------------------------------------- reading

  /**
   * Reads a response body holding one record; unwraps the envelope if there is one (see {@link
   * #isEnvelope}).
   *
   * @throws JsonProcessingException if the body is not JSON, or not a {@code type}
   */
  public static <T> T parse(String json, Class<T> type) throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(() -> ModelMapper.MAPPER.createParser(json), p -> record(p, type));
  }

  /** As {@link #parse(String, Class)}, from UTF-8 bytes. */
  public static <T> T parse(byte[] json, Class<T> type) throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(() -> ModelMapper.MAPPER.createParser(json), p -> record(p, type));
  }

  /**
   * Reads one record at the parser's position: its current token, or the next one if it has none
   * yet. No envelope is looked for, since the caller chose where the record is. The parser is left
   * on the record's {@code END_OBJECT}.
   */
  public static <T> T parse(JsonParser parser, Class<T> type) throws IOException {
    checkModelClass(type);
    if (!parser.hasCurrentToken()) {
      parser.nextToken();
    }
    return record(parser, type);
  }

  /** Reads a record from a tree, unwrapping the envelope if there is one. */
  public static <T> T parse(JsonNode json, Class<T> type) throws JsonProcessingException {
    checkModelClass(type);
    try (JsonParser p = unwrapEnvelope(json).traverse(ModelMapper.MAPPER)) {
      p.nextToken();
      return record(p, type);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a body that is a JSON array of records ({@code GET /businesses/}, {@code GET
   * /customers/{slug}/activities/}), unwrapping the envelope if there is one.
   *
   * @return an unmodifiable list
   */
  public static <T> List<T> parseList(String json, Class<T> type) throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(
        () -> ModelMapper.MAPPER.createParser(json), p -> records(p, "the body", type));
  }

  /** As {@link #parseList(String, Class)}, from UTF-8 bytes. */
  public static <T> List<T> parseList(byte[] json, Class<T> type) throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(
        () -> ModelMapper.MAPPER.createParser(json), p -> records(p, "the body", type));
  }

  /**
   * Reads a page of a list endpoint whose records are under {@code listKey} (see {@link
   * #listKey(Class)}), unwrapping the envelope if there is one.
   *
   * @throws JsonProcessingException also when the page has no {@code listKey} array: a page without
   *     it is not an empty page but a different answer (an error, or another list)
   */
  public static <T> Page<T> parsePage(String json, String listKey, Class<T> type)
      throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(
        () -> ModelMapper.MAPPER.createParser(json),
        p -> JsonBodies.page(p, listKey, records -> records(records, listKey, type)));
  }

  /** As {@link #parsePage(String, String, Class)}, from UTF-8 bytes. */
  public static <T> Page<T> parsePage(byte[] json, String listKey, Class<T> type)
      throws JsonProcessingException {
    checkModelClass(type);
    return JsonBodies.read(
        () -> ModelMapper.MAPPER.createParser(json),
        p -> JsonBodies.page(p, listKey, records -> records(records, listKey, type)));
  }

  /**
   * Whether a body is the envelope {@code {"status": 200, "errors": ..., "data": ...}} that the
   * live service has been seen to wrap answers in.
   *
   * <p>Decided conservatively, so that a bare record is never mistaken for one: an envelope is an
   * object with an integer {@code status}, a {@code data} or an {@code errors} member (a server
   * that leaves out null members may drop either), and no members but those three. No record of the
   * API fits that: the one with a {@code status} ({@link CustomerBatchImport}) has it as a string,
   * beside other fields, and none has a {@code data} or {@code errors} field.
   *
   * <p>An envelope without {@code data} (an error answer) holds no record: the {@code parse}
   * methods reject it rather than read it as a record with every field absent.
   */
  public static boolean isEnvelope(JsonNode body) {
    if (!body.isObject() || !(body.has("data") || body.has("errors"))) {
      return false;
    }
    JsonNode status = body.get("status");
    if (status == null || !status.isIntegralNumber()) {
      return false;
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      if (!JsonBodies.ENVELOPE_KEYS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The envelope's {@code data} if {@code body} is an envelope (see {@link #isEnvelope}), else the
   * body. An envelope without {@code data} gives a missing node.
   */
  public static JsonNode unwrapEnvelope(JsonNode body) {
    return isEnvelope(body) ? body.path("data") : body;
  }

  // ---------------------------------------------------------------------------------- writing

  /**
   * Writes a record, a {@link Page}, or a list of records as compact JSON, in the record form:
   * every non-null field, read-only ones included.
   *
   * @throws IllegalArgumentException if {@code value} is not one of those, or a free-form field
   *     holds text that is not JSON
   */
  public static String toJson(Object value) {
    return JsonBodies.writeText(checkWritable(value), ModelMapper.writer(false));
  }

  /** As {@link #toJson}, as UTF-8 bytes. */
  public static byte[] toJsonBytes(Object value) {
    return JsonBodies.writeBytes(checkWritable(value), ModelMapper.writer(false));
  }

  /**
   * Writes a record (or a list of records) as a request body: the record form without the fields
   * the reference marks read-only ({@code code}, {@code created_at}, {@code updated_at}, a job's
   * {@code status} and {@code import_results}, ...), and with an activity's currency named by its
   * iso code, as requests name it.
   *
   * @throws IllegalArgumentException as {@link #toJson}
   */
  public static String toRequestJson(Object value) {
    return JsonBodies.writeText(checkWritable(value), ModelMapper.writer(true));
  }

  /** As {@link #toRequestJson}, as UTF-8 bytes. */
  public static byte[] toRequestJsonBytes(Object value) {
    return JsonBodies.writeBytes(checkWritable(value), ModelMapper.writer(true));
  }

  /**
   * Compact JSON text of a tree, a map, or anything else Jackson can write: the form the model
   * keeps free-form fields in, e.g. {@code setCustomerDataJson(ModelJson.jsonText(map))}.
   *
   * <p>(The builders take text rather than trees because Beam infers a schema type for every {@code
   * set*} method of an AutoValue builder, and cannot for {@code JsonNode}.)
   *
   * @return null for null
   * @throws IllegalArgumentException if Jackson cannot write {@code value}
   */
  public static @Nullable String jsonText(@Nullable Object value) {
    return FreeFormJson.fromValue(value);
  }

  // ---------------------------------------------------------------------------------- Jackson

  /**
   * A Jackson module that reads and writes every model class (in the record form), for code that
   * data-binds, e.g. {@code mapper.readValue(json, new TypeReference<List<Customer>>() {})}. It
   * does not unwrap envelopes: use the {@code parse} methods for response bodies.
   */
  public static Module module() {
    return ModelMapper.module();
  }

  /**
   * A new mapper configured as the model's own: {@link #module()}, floats in trees read as exact
   * decimals, unknown properties ignored. The caller owns it and may configure it further.
   */
  public static ObjectMapper newObjectMapper() {
    return ModelMapper.configure(JsonMapper.builder()).build();
  }

  // ---------------------------------------------------------------------------------- internals

  private static void checkModelClass(Class<?> type) {
    if (!MODEL_CLASSES.contains(type)) {
      throw new IllegalArgumentException("Not a Formaloo model class: " + type.getName());
    }
  }

  /** Whether {@code value} is a record; AutoValue instances are of a generated subclass. */
  private static boolean isRecord(Object value) {
    return MODEL_CLASSES.contains(value.getClass().getSuperclass());
  }

  private static Object checkWritable(Object value) {
    boolean writable;
    if (value instanceof Page) {
      writable = ((Page<?>) value).getRecords().stream().allMatch(ModelJson::isRecord);
    } else if (value instanceof Collection) {
      writable = ((Collection<?>) value).stream().allMatch(ModelJson::isRecord);
    } else {
      writable = isRecord(value);
    }
    if (!writable) {
      throw new IllegalArgumentException(
          "Not a Formaloo model record, page or list of records: " + value.getClass().getName());
    }
    return value;
  }

  /** Reads the record the parser is on; see {@link JsonBodies#record}. */
  private static <T> T record(JsonParser p, Class<T> type) throws IOException {
    return JsonBodies.record(p, type, ModelMapper.reader(type));
  }

  /** Reads the array of records the parser is on into an unmodifiable list. */
  private static <T> List<T> records(JsonParser p, String field, Class<T> type) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw JsonValues.mismatch(p, "'" + field + "' must be an array");
    }
    List<T> records = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw JsonValues.mismatch(p, "'" + field + "[" + records.size() + "]' must be an object");
      }
      records.add(record(p, type));
    }
    return Collections.unmodifiableList(records);
  }
}
