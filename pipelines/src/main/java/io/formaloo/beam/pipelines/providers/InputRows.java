package io.formaloo.beam.pipelines.providers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.values.Row;

/**
 * A write's input rows against the API's schema of the entity: any of its fields, by name, in any
 * order, each of the API's type; checked when the transform expands, so that a wrong column is
 * named before anything runs.
 */
final class InputRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Schema input;
  private final Schema api;

  private InputRows(Schema input, Schema api) {
    this.input = input;
    this.api = api;
  }

  /**
   * @throws InvalidConfigurationException naming the first field of {@code input} that is not a
   *     field of the entity or not of its type, or a field the entity needs that is missing
   */
  static InputRows check(Schema input, Schema api, String entity) {
    for (Field field : input.getFields()) {
      if (!api.hasField(field.getName())) {
        throw new InvalidConfigurationException(
            "input field \""
                + field.getName()
                + "\" is not a field of "
                + entity
                + "; its fields: "
                + api.getFields().stream().map(Field::getName).collect(Collectors.joining(", ")));
      }
      FieldType wanted = api.getField(field.getName()).getType();
      if (!field.getType().withNullable(true).equals(wanted.withNullable(true))) {
        throw new InvalidConfigurationException(
            "input field \""
                + field.getName()
                + "\" is "
                + describe(field.getType())
                + "; the "
                + field.getName()
                + " of "
                + entity
                + " is "
                + describe(wanted));
      }
    }
    for (Field field : api.getFields()) {
      if (!field.getType().getNullable() && !input.hasField(field.getName())) {
        throw new InvalidConfigurationException(
            "input has no field \"" + field.getName() + "\", which " + entity + " needs");
      }
    }
    return new InputRows(input, api);
  }

  Schema inputSchema() {
    return input;
  }

  /** An input row as a row of the API's schema, the fields it lacks null. */
  Row toApiRow(Row row) {
    List<Object> values = new ArrayList<>(api.getFieldCount());
    for (Field field : api.getFields()) {
      values.add(input.hasField(field.getName()) ? row.getValue(field.getName()) : null);
    }
    return Row.withSchema(api).attachValues(values);
  }

  /** A row of the API's schema as an input row: its fields that the input has. */
  Row toInputRow(Row apiRow) {
    List<Object> values = new ArrayList<>(input.getFieldCount());
    for (Field field : input.getFields()) {
      values.add(apiRow.getValue(field.getName()));
    }
    return Row.withSchema(input).attachValues(values);
  }

  private static String describe(FieldType type) {
    return type.getTypeName() == Schema.TypeName.LOGICAL_TYPE
        ? type.getLogicalType().getIdentifier()
        : type.withNullable(false).toString();
  }
}
