package io.formaloo.beam.pipelines.providers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A write's input rows against the API's schema of the entity: any of its fields, by name, in any
 * order, nested rows too, each of the API's type or one that converts to it without loss of meaning
 * — an integer of any width (Beam YAML reads JSON integers as {@code INT64}), a timestamp as
 * ISO-8601 text. Checked when the transform expands, so that a wrong column is named before
 * anything runs; a value that does not convert (an integer out of range, a malformed timestamp)
 * makes its row a failure.
 */
final class InputRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Set<TypeName> INTEGERS =
      EnumSet.of(TypeName.BYTE, TypeName.INT16, TypeName.INT32, TypeName.INT64);

  private final Schema input;
  private final Schema api;

  private InputRows(Schema input, Schema api) {
    this.input = input;
    this.api = api;
  }

  /**
   * @throws InvalidConfigurationException naming the first field of {@code input} that is not a
   *     field of the entity or not of a type that converts to its, or a field the entity needs that
   *     is missing
   */
  static InputRows check(Schema input, Schema api, String entity) {
    checkRow(input, api, "", entity);
    return new InputRows(input, api);
  }

  Schema inputSchema() {
    return input;
  }

  /** An input row as a row of the API's schema, the fields it lacks null. */
  Row toApiRow(Row row) {
    return convertRow(row, api);
  }

  /** A row of the API's schema as an input row: its fields that the input has. */
  Row toInputRow(Row apiRow) {
    return convertRow(apiRow, input);
  }

  // ---- expansion: the schemas ------------------------------------------------------------------

  private static void checkRow(Schema from, Schema to, String path, String entity) {
    for (Field field : from.getFields()) {
      String name = path + field.getName();
      if (!to.hasField(field.getName())) {
        throw new InvalidConfigurationException(
            "input field \""
                + name
                + "\" is not a field of "
                + entity
                + "; its fields"
                + (path.isEmpty() ? "" : " there")
                + ": "
                + to.getFields().stream().map(Field::getName).collect(Collectors.joining(", ")));
      }
      FieldType wanted = to.getField(field.getName()).getType();
      if (!converts(field.getType(), wanted, name, entity)) {
        throw new InvalidConfigurationException(
            "input field \""
                + name
                + "\" is "
                + describe(field.getType())
                + "; the "
                + name
                + " of "
                + entity
                + " is "
                + describe(wanted));
      }
    }
    for (Field field : to.getFields()) {
      if (!field.getType().getNullable() && !from.hasField(field.getName())) {
        throw new InvalidConfigurationException(
            "input has no field \"" + path + field.getName() + "\", which " + entity + " needs");
      }
    }
  }

  private static boolean converts(FieldType from, FieldType to, String path, String entity) {
    TypeName source = from.getTypeName();
    TypeName target = to.getTypeName();
    if (target == TypeName.ROW) {
      if (source != TypeName.ROW) {
        return false;
      }
      checkRow(from.getRowSchema(), to.getRowSchema(), path + ".", entity);
      return true;
    }
    if (target.isCollectionType()) {
      return source.isCollectionType()
          && converts(
              from.getCollectionElementType(), to.getCollectionElementType(), path + "[]", entity);
    }
    if (INTEGERS.contains(target) || target == TypeName.DOUBLE || target == TypeName.FLOAT) {
      return INTEGERS.contains(source)
          || (source == target)
          || (target == TypeName.DOUBLE && source == TypeName.FLOAT);
    }
    if (target == TypeName.DATETIME) {
      return source == TypeName.DATETIME || source == TypeName.STRING;
    }
    return from.withNullable(true).equals(to.withNullable(true));
  }

  private static String describe(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        ? type.getLogicalType().getIdentifier()
        : type.withNullable(false).toString();
  }

  // ---- run time: the values --------------------------------------------------------------------

  /** {@code row}'s fields that {@code target} has, by name, converted; the others null. */
  private static Row convertRow(Row row, Schema target) {
    Schema source = row.getSchema();
    List<Object> values = new ArrayList<>(target.getFieldCount());
    for (Field field : target.getFields()) {
      values.add(
          source.hasField(field.getName())
              ? convert(
                  row.getValue(field.getName()),
                  source.getField(field.getName()).getType(),
                  field.getType(),
                  field.getName())
              : null);
    }
    return Row.withSchema(target).attachValues(values);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object convert(
      @Nullable Object value, FieldType from, FieldType to, String name) {
    if (value == null) {
      return null;
    }
    TypeName target = to.getTypeName();
    if (target == TypeName.ROW) {
      return convertRow((Row) value, to.getRowSchema());
    }
    if (target.isCollectionType()) {
      List<Object> converted = new ArrayList<>();
      for (Object element : (Iterable<Object>) value) {
        converted.add(
            convert(element, from.getCollectionElementType(), to.getCollectionElementType(), name));
      }
      return converted;
    }
    if (value instanceof Number && target != from.getTypeName()) {
      return number((Number) value, target, name);
    }
    if (target == TypeName.STRING && value instanceof Instant) {
      return value.toString(); // a timestamp back to the input's ISO-8601 text
    }
    if (target == TypeName.DATETIME && value instanceof String) {
      try {
        return Instant.parse((String) value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + name + "' must be an ISO-8601 timestamp, got \"" + value + "\"", e);
      }
    }
    return value;
  }

  private static Object number(Number value, TypeName target, String name) {
    switch (target) {
      case DOUBLE:
        return value.doubleValue();
      case FLOAT:
        return value.floatValue();
      case INT64:
        return value.longValue();
      default:
        long whole = value.longValue();
        long min =
            target == TypeName.INT32
                ? Integer.MIN_VALUE
                : target == TypeName.INT16 ? Short.MIN_VALUE : Byte.MIN_VALUE;
        long max =
            target == TypeName.INT32
                ? Integer.MAX_VALUE
                : target == TypeName.INT16 ? Short.MAX_VALUE : Byte.MAX_VALUE;
        if (whole < min || whole > max) {
          throw new IllegalArgumentException(
              "'" + name + "' is " + whole + ", out of the range of " + target);
        }
        return target == TypeName.INT32
            ? (Object) (int) whole
            : target == TypeName.INT16 ? (Object) (short) whole : (Object) (byte) whole;
    }
  }
}
