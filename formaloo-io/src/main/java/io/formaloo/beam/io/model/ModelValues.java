package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * The model's scalar fields, read by the rules every model class shares ({@link JsonValues}):
 * strictly, where Jackson's defaults coerce ({@code "7"} is not a score, {@code 7.5} is not an
 * integer, {@code "true"} is not a boolean), with errors that name the field. Timestamps are
 * ISO-8601 ({@link Timestamps}).
 *
 * <p>The strict readers replace Jackson's only on the model's own builders, so a mapper that a user
 * builds with {@link ModelJson#module()} reads the user's other classes as before.
 */
final class ModelValues {
  private ModelValues() {}

  private static final String MODEL_PACKAGE = ModelValues.class.getPackageName();

  private static final Map<Class<?>, JsonDeserializer<?>> STRICT =
      Map.of(
          String.class, reader(JsonValues::string),
          Integer.class, reader(JsonValues::integer),
          Long.class, reader(JsonValues::longInteger),
          Boolean.class, reader(JsonValues::bool),
          Instant.class, reader(JsonValues::instant));

  /** The module: timestamps both ways, and the strict readers on the model's builders. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("formaloo-model-values");
    module.addSerializer(Instant.class, new InstantWriter());
    @SuppressWarnings("unchecked") // STRICT maps Instant to its own reader
    JsonDeserializer<Instant> instants = (JsonDeserializer<Instant>) STRICT.get(Instant.class);
    module.addDeserializer(Instant.class, instants);
    module.setDeserializerModifier(new StrictModelFields());
    return module;
  }

  /** Reads one scalar field; {@code null} never reaches it (Jackson answers null for null). */
  @FunctionalInterface
  private interface FieldReader<T> {
    T read(JsonParser p, String field) throws IOException;
  }

  private static <T> JsonDeserializer<T> reader(FieldReader<T> read) {
    return new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
        String field = p.currentName();
        return read.read(p, field == null ? "the value" : field);
      }
    };
  }

  /** Swaps Jackson's lenient scalar readers for the strict ones, on model builders only. */
  private static final class StrictModelFields extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder b) {
      if (!description.getBeanClass().getPackageName().equals(MODEL_PACKAGE)) {
        return b;
      }
      List<SettableBeanProperty> replaced = new ArrayList<>();
      for (java.util.Iterator<SettableBeanProperty> it = b.getProperties(); it.hasNext(); ) {
        SettableBeanProperty property = it.next();
        JsonDeserializer<?> strict = STRICT.get(property.getType().getRawClass());
        if (strict != null && !property.hasValueDeserializer()) {
          replaced.add(property.withValueDeserializer(strict));
        }
      }
      for (SettableBeanProperty property : replaced) {
        b.addOrReplaceProperty(property, true);
      }
      return b;
    }
  }

  /** UTC, {@code 2019-08-24T14:15:22Z}, with a fraction only when the value has one. */
  private static final class InstantWriter extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeString(Timestamps.format(value));
    }
  }
}
