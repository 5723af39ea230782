package io.formaloo.beam.pipelines.records;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaRegistry;

/** The Beam and Avro schemas of a model class, as files are written and read with them. */
public final class RecordSchemas {
  /** The namespace of the Avro records export writes. */
  static final String AVRO_NAMESPACE = "io.formaloo.export";

  private static final SchemaRegistry REGISTRY = SchemaRegistry.createDefault();

  private RecordSchemas() {}

  public static <T> SchemaCoder<T> coder(Class<T> type) {
    try {
      return REGISTRY.getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(type + " has a Beam schema in the connector", e);
    }
  }

  /** The model's schema. */
  static Schema model(Class<?> type) {
    return coder(type).getSchema();
  }

  /** The model's schema under the API's field names ({@link ApiRows}). */
  public static Schema api(Class<?> type) {
    return ApiRows.apiSchema(model(type));
  }

  /**
   * The API names of the fields that hold free-form JSON as text in the model ({@code
   * customerDataJson} is {@code customer_data}): a warehouse stores them as JSON, not as text.
   */
  public static Set<String> jsonTextFields(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    for (Schema.Field field : model(type).getFields()) {
      if (field.getName().endsWith("Json")) {
        names.add(ApiRows.apiName(field.getName()));
      }
    }
    return names;
  }

  /** The Avro schema of the files: the API's names, a record named after the model class. */
  public static org.apache.avro.Schema avro(Class<?> type) {
    return AvroUtils.toAvroSchema(api(type), type.getSimpleName(), AVRO_NAMESPACE);
  }
}
