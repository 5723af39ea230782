package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * <p>Parsing is streaming and tree-free on the usual path. Thread-safe.
 */
public final class ModelJson {

  private static final Map<Class<?>, JsonCodec<?, ?>> CODECS = codecs();

  private static final Map<Class<?>, String> LIST_KEYS =
      Map.of(
          Customer.class, "customers",
          Activity.class, "activities",
          Tag.class, "tags",
          ActionType.class, "action_types",
          ActionTypeGroup.class, "action_type_groups",
          Currency.class, "currencies");

  private static final Set<String> ENVELOPE_KEYS = Set.of("status", "errors", "data");

  private ModelJson() {}

  private static Map<Class<?>, JsonCodec<?, ?>> codecs() {
    Map<Class<?>, JsonCodec<?, ?>> codecs = new LinkedHashMap<>();
    for (JsonCodec<?, ?> codec :
        List.of(
            CustomerCodec.INSTANCE,
            TagCodec.INSTANCE,
            ActivityCodec.INSTANCE,
            ActivityActionCodec.INSTANCE,
            ActivityCustomerCodec.INSTANCE,
            CurrencyCodec.INSTANCE,
            ActionTypeCodec.INSTANCE,
            ActionTypeGroupCodec.INSTANCE,
            IntegrationCodec.INSTANCE,
            BusinessCodec.INSTANCE,
            CustomerBatchImportCodec.INSTANCE)) {
      codecs.put(codec.type(), codec);
    }
    return Collections.unmodifiableMap(codecs);
  }

  /** The model classes this class reads and writes. */
  public static Set<Class<?>> modelClasses() {
    return CODECS.keySet();
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
    JsonCodec<T, ?> codec = codec(type);
    return readBody(() -> FreeFormJson.FACTORY.createParser(json), codec::read);
  }

  /** As {@link #parse(String, Class)}, from UTF-8 bytes. */
  public static <T> T parse(byte[] json, Class<T> type) throws JsonProcessingException {
    JsonCodec<T, ?> codec = codec(type);
    return readBody(() -> FreeFormJson.FACTORY.createParser(json), codec::read);
  }

  /**
   * Reads one record at the parser's position: its current token, or the next one if it has none
   * yet. No envelope is looked for, since the caller chose where the record is. The parser is left
   * on the record's {@code END_OBJECT}.
   */
  public static <T> T parse(JsonParser parser, Class<T> type) throws IOException {
    if (!parser.hasCurrentToken()) {
      parser.nextToken();
    }
    return codec(type).read(parser);
  }

  /** Reads a record from a tree, unwrapping the envelope if there is one. */
  public static <T> T parse(JsonNode json, Class<T> type) throws JsonProcessingException {
    JsonCodec<T, ?> codec = codec(type);
    try (JsonParser p = unwrapEnvelope(json).traverse(FreeFormJson.TREES)) {
      p.nextToken();
      return codec.read(p);
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
    JsonCodec<T, ?> codec = codec(type);
    return readBody(() -> FreeFormJson.FACTORY.createParser(json), p -> readList(p, codec));
  }

  /** As {@link #parseList(String, Class)}, from UTF-8 bytes. */
  public static <T> List<T> parseList(byte[] json, Class<T> type) throws JsonProcessingException {
    JsonCodec<T, ?> codec = codec(type);
    return readBody(() -> FreeFormJson.FACTORY.createParser(json), p -> readList(p, codec));
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
    JsonCodec<T, ?> codec = codec(type);
    return readBody(
        () -> FreeFormJson.FACTORY.createParser(json), p -> readPage(p, listKey, codec));
  }

  /** As {@link #parsePage(String, String, Class)}, from UTF-8 bytes. */
  public static <T> Page<T> parsePage(byte[] json, String listKey, Class<T> type)
      throws JsonProcessingException {
    JsonCodec<T, ?> codec = codec(type);
    return readBody(
        () -> FreeFormJson.FACTORY.createParser(json), p -> readPage(p, listKey, codec));
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
      if (!ENVELOPE_KEYS.contains(names.next())) {
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
    return writeString(value, JsonForm.RECORD);
  }

  /** As {@link #toJson}, as UTF-8 bytes. */
  public static byte[] toJsonBytes(Object value) {
    return writeBytes(value, JsonForm.RECORD);
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
    return writeString(value, JsonForm.REQUEST);
  }

  /** As {@link #toRequestJson}, as UTF-8 bytes. */
  public static byte[] toRequestJsonBytes(Object value) {
    return writeBytes(value, JsonForm.REQUEST);
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
    SimpleModule module = new SimpleModule("formaloo-model");
    for (JsonCodec<?, ?> codec : CODECS.values()) {
      register(module, codec);
    }
    return module;
  }

  /**
   * A new mapper with {@link #module()}, that reads floats in trees as exact decimals and ignores
   * unknown properties. The caller owns it and may configure it further.
   */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(module())
        .build();
  }

  private static <T> void register(SimpleModule module, JsonCodec<T, ?> codec) {
    module.addSerializer(codec.type(), new CodecSerializer<>(codec));
    module.addDeserializer(codec.type(), new CodecDeserializer<>(codec));
  }

  private static final class CodecSerializer<T> extends StdSerializer<T> {
    private final transient JsonCodec<T, ?> codec;

    CodecSerializer(JsonCodec<T, ?> codec) {
      super(codec.type());
      this.codec = codec;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      codec.write(value, g, JsonForm.RECORD);
    }
  }

  private static final class CodecDeserializer<T> extends StdDeserializer<T> {
    private final transient JsonCodec<T, ?> codec;

    CodecDeserializer(JsonCodec<T, ?> codec) {
      super(codec.type());
      this.codec = codec;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
      return codec.read(p);
    }
  }

  // ---------------------------------------------------------------------------------- internals

  @SuppressWarnings("unchecked") // CODECS maps each class to its own codec
  private static <T> JsonCodec<T, ?> codec(Class<T> type) {
    JsonCodec<?, ?> codec = CODECS.get(type);
    if (codec == null) {
      throw new IllegalArgumentException("Not a Formaloo model class: " + type.getName());
    }
    return (JsonCodec<T, ?>) codec;
  }

  /** The codec of a record's class; AutoValue instances are of a generated subclass. */
  @SuppressWarnings("unchecked") // CODECS maps each class to its own codec
  private static JsonCodec<Object, ?> codecOf(Object record) {
    for (Class<?> c = record.getClass(); c != null; c = c.getSuperclass()) {
      JsonCodec<?, ?> codec = CODECS.get(c);
      if (codec != null) {
        return (JsonCodec<Object, ?>) codec;
      }
    }
    throw new IllegalArgumentException(
        "Not a Formaloo model record, page or list of records: " + record.getClass().getName());
  }

  @FunctionalInterface
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  /** Reads a value from a parser on its first token (or on the first field of an object). */
  @FunctionalInterface
  private interface ValueReader<T> {
    T read(JsonParser p) throws IOException;
  }

  /**
   * Reads a whole body, unwrapping an envelope. A body whose first field is not an envelope key
   * cannot be an envelope (that is every bare record but a batch import job), so it is read
   * straight on, without a tree. Otherwise it is judged by {@link #isEnvelope}, the one rule for
   * envelopes (see {@link #readMaybeEnveloped}).
   */
  private static <T> T readBody(ParserSource source, ValueReader<T> reader)
      throws JsonProcessingException {
    try (JsonParser p = source.open()) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw JsonValues.mismatch(p, "empty body where JSON was expected");
      }
      if (first == JsonToken.START_OBJECT
          && p.nextToken() == JsonToken.FIELD_NAME
          && ENVELOPE_KEYS.contains(p.currentName())) {
        return readMaybeEnveloped(source, reader);
      }
      T value = reader.read(p);
      expectEnd(p);
      return value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // Only in-memory input reaches here, which has no I/O to fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a body that may be an envelope: judged on its tree by {@link #isEnvelope}, then the
   * record is streamed from the text again (from {@code data}, or from the top if it was no
   * envelope), so that free-form fields keep their numbers' exact text, which a tree's numbers do
   * not.
   */
  private static <T> T readMaybeEnveloped(ParserSource source, ValueReader<T> reader)
      throws IOException {
    try (JsonParser p = source.open()) {
      JsonNode body = FreeFormJson.TREES.readTree(p);
      expectEnd(p);
      if (!isEnvelope(body)) {
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

  private static <T> List<T> readList(JsonParser p, JsonCodec<T, ?> codec) throws IOException {
    return Collections.unmodifiableList(JsonValues.elements(p, "the body", codec));
  }

  private static <T> Page<T> readPage(JsonParser p, String listKey, JsonCodec<T, ?> codec)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      throw JsonValues.mismatch(p, "a page must be a JSON object");
    }
    Page.Builder<T> page = Page.<T>builder().setListKey(listKey);
    boolean hasRecords = false;
    while (t == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals(listKey)) {
        page.setRecords(JsonValues.elements(p, name, codec));
        hasRecords = true;
      } else {
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
      t = p.nextToken();
    }
    if (!hasRecords) {
      throw JsonValues.mismatch(p, "the page has no '" + listKey + "' array");
    }
    return page.build();
  }

  private static String writeString(Object value, JsonForm form) {
    // Plain in-memory sinks: the generator's own buffers come from the factory's recycled pool.
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FreeFormJson.FACTORY.createGenerator(out)) {
      writeValue(g, value, form);
    } catch (IOException e) {
      // Only in-memory output reaches here, which has no I/O to fail.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static byte[] writeBytes(Object value, JsonForm form) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FreeFormJson.FACTORY.createGenerator(out)) {
      writeValue(g, value, form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator g, Object value, JsonForm form) throws IOException {
    if (value instanceof Page) {
      writePage(g, (Page<?>) value, form);
    } else if (value instanceof Collection) {
      g.writeStartArray();
      for (Object element : (Collection<?>) value) {
        codecOf(element).write(element, g, form);
      }
      g.writeEndArray();
    } else {
      codecOf(value).write(value, g, form);
    }
  }

  private static void writePage(JsonGenerator g, Page<?> page, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeLong(g, "count", page.getCount());
    JsonValues.writeString(g, "next", page.getNext());
    JsonValues.writeString(g, "previous", page.getPrevious());
    JsonValues.writeInteger(g, "page_size", page.getPageSize());
    JsonValues.writeInteger(g, "page_count", page.getPageCount());
    JsonValues.writeInteger(g, "current_page", page.getCurrentPage());
    g.writeFieldName(page.getListKey());
    g.writeStartArray();
    for (Object record : page.getRecords()) {
      codecOf(record).write(record, g, form);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
