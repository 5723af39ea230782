package io.formaloo.beam.pipelines.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.logicaltypes.EnumerationType;
import org.apache.beam.sdk.values.Row;

/**
 * The model's Beam rows under the API's own field names, for the files warehouses load: {@code
 * fullName} becomes {@code full_name}, {@code customerDataJson} becomes {@code customer_data} (the
 * JSON text the API's free-form field holds), and enumerations become the API's text ({@code
 * "create"}), so that Avro and Parquet exports have the columns JSON Lines exports have.
 *
 * <p>Only names and enumerations change; values keep their positions, which is what makes the
 * conversion both ways cheap.
 */
final class ApiRows {
  private ApiRows() {}

  /** The API's field name for a model field name. */
  static String apiName(String field) {
    String name = field.endsWith("Json") ? field.substring(0, field.length() - 4) : field;
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** {@code model} renamed, nested rows and lists included. */
  static Schema apiSchema(Schema model) {
    Schema.Builder builder = Schema.builder();
    for (Field field : model.getFields()) {
      builder.addField(Field.of(apiName(field.getName()), apiType(field.getType())));
    }
    return builder.build();
  }

  private static FieldType apiType(FieldType type) {
    FieldType api;
    switch (type.getTypeName()) {
      case ROW:
        api = FieldType.row(apiSchema(type.getRowSchema()));
        break;
      case ARRAY:
        api = FieldType.array(apiType(type.getCollectionElementType()));
        break;
      case ITERABLE:
        api = FieldType.iterable(apiType(type.getCollectionElementType()));
        break;
      case LOGICAL_TYPE:
        api = isEnumeration(type) ? FieldType.STRING : type.withNullable(false);
        break;
      default:
        api = type.withNullable(false);
    }
    return api.withNullable(type.getNullable());
  }

  /** A model row under the API's names ({@code api} is {@link #apiSchema} of its schema). */
  static Row toApi(Row model, Schema api) {
    return rename(model, api);
  }

  /** An API row (as {@link #toApi} makes, or read back from a file) as a row of {@code model}. */
  static Row toModel(Row api, Schema model) {
    return rename(api, model);
  }

  /** {@code row}'s values under {@code target}, a schema of the same shape. */
  private static Row rename(Row row, Schema target) {
    Schema source = row.getSchema();
    List<Object> values = new ArrayList<>(target.getFieldCount());
    for (int i = 0; i < target.getFieldCount(); i++) {
      values.add(
          convert(row.getValue(i), source.getField(i).getType(), target.getField(i).getType()));
    }
    return Row.withSchema(target).attachValues(values);
  }

  /** A value of type {@code from} as type {@code to}: the same but for names and enumerations. */
  @SuppressWarnings("unchecked")
  private static Object convert(Object value, FieldType from, FieldType to) {
    if (value == null) {
      return null;
    }
    TypeName kind = from.getTypeName();
    if (kind == TypeName.ROW) {
      return rename((Row) value, to.getRowSchema());
    }
    if (kind == TypeName.ARRAY || kind == TypeName.ITERABLE) {
      List<Object> converted = new ArrayList<>();
      for (Object element : (Iterable<Object>) value) {
        converted.add(
            convert(element, from.getCollectionElementType(), to.getCollectionElementType()));
      }
      return converted;
    }
    if (isEnumeration(from) && to.getTypeName() == TypeName.STRING) {
      EnumerationType enumeration = from.getLogicalType(EnumerationType.class);
      return enumeration.toString((EnumerationType.Value) value).toLowerCase(Locale.ROOT);
    }
    if (isEnumeration(to) && kind == TypeName.STRING) {
      EnumerationType enumeration = to.getLogicalType(EnumerationType.class);
      return enumeration.valueOf(value.toString().toUpperCase(Locale.ROOT));
    }
    return value;
  }

  private static boolean isEnumeration(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && EnumerationType.IDENTIFIER.equals(type.getLogicalType().getIdentifier());
  }
}
