package io.formaloo.beam.pipelines.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The kinds of column a warehouse table has, each mapped from the records' Beam schema type and to
 * one SQL type per {@link Dialect}. Values travel as the API's JSON (one object per record), so a
 * column binds from and reads back to a JSON value; which database type names a column of an
 * existing table may have is what {@link #accepts} says.
 */
public enum ColumnType {
  TEXT("text", "VARCHAR", Set.of("text", "varchar", "character varying", "string")),
  INTEGER("integer", "INTEGER", Set.of("integer", "int", "int4", "bigint", "int8")),
  BIGINT("bigint", "BIGINT", Set.of("bigint", "int8")),
  BOOLEAN("boolean", "BOOLEAN", Set.of("boolean", "bool")),
  DOUBLE("double precision", "DOUBLE", Set.of("double precision", "double", "float8", "numeric")),
  TIMESTAMP(
      "timestamp with time zone",
      "TIMESTAMPTZ",
      Set.of(
          "timestamp with time zone", "timestamptz", "timestamp without time zone", "timestamp")),
  DATE("date", "DATE", Set.of("date")),
  /** Nested records, lists and free-form fields: {@code jsonb} in PostgreSQL, JSON in DuckDB. */
  JSON("jsonb", "JSON", Set.of("jsonb", "json"));

  private final String postgres;
  private final String duckdb;
  private final Set<String> accepted;

  ColumnType(String postgres, String duckdb, Set<String> accepted) {
    this.postgres = postgres;
    this.duckdb = duckdb;
    this.accepted = accepted;
  }

  /** The column kind of a Beam field; rows and lists are JSON. */
  static ColumnType of(FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
        return TEXT;
      case INT16:
      case INT32:
        return INTEGER;
      case INT64:
        return BIGINT;
      case BOOLEAN:
        return BOOLEAN;
      case FLOAT:
      case DOUBLE:
        return DOUBLE;
      case DATETIME:
        return TIMESTAMP;
      case ROW:
      case ARRAY:
      case ITERABLE:
      case MAP:
        return JSON;
      default:
        // Logical types (enumerations are text by the time records are API rows) and bytes: as
        // the API's JSON writes them.
        return TEXT;
    }
  }

  /** The type to create the column with. */
  String sql(Dialect dialect) {
    return dialect == Dialect.POSTGRES ? postgres : duckdb;
  }

  /** Whether a column the database reports as {@code databaseType} holds this kind's values. */
  boolean accepts(String databaseType) {
    return accepted.contains(databaseType.trim().toLowerCase(Locale.ROOT));
  }

  /** Binds the JSON value {@code value} (null or missing: SQL NULL) to parameter {@code index}. */
  void bind(PreparedStatement statement, int index, JsonNode value) throws SQLException {
    if (value == null || value.isNull() || value.isMissingNode()) {
      statement.setNull(index, this == JSON || this == TEXT ? Types.VARCHAR : Types.NULL);
      return;
    }
    switch (this) {
      case INTEGER:
        statement.setInt(index, value.asInt());
        break;
      case BIGINT:
        statement.setLong(index, value.asLong());
        break;
      case BOOLEAN:
        statement.setBoolean(index, value.asBoolean());
        break;
      case DOUBLE:
        statement.setDouble(index, value.asDouble());
        break;
      case TIMESTAMP:
        statement.setObject(index, OffsetDateTime.parse(value.asText()));
        break;
      case DATE:
        statement.setObject(index, LocalDate.parse(value.asText()));
        break;
      case JSON:
        statement.setString(index, value.toString());
        break;
      default:
        statement.setString(index, value.isTextual() ? value.asText() : value.toString());
    }
  }

  /** Column {@code index} of the current row, as the API's JSON has it (null for SQL NULL). */
  JsonNode read(ResultSet rows, int index, JsonReader json) throws SQLException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (this) {
      case INTEGER:
        {
          int value = rows.getInt(index);
          return rows.wasNull() ? null : nodes.numberNode(value);
        }
      case BIGINT:
        {
          long value = rows.getLong(index);
          return rows.wasNull() ? null : nodes.numberNode(value);
        }
      case BOOLEAN:
        {
          boolean value = rows.getBoolean(index);
          return rows.wasNull() ? null : nodes.booleanNode(value);
        }
      case DOUBLE:
        {
          double value = rows.getDouble(index);
          return rows.wasNull() ? null : nodes.numberNode(value);
        }
      case TIMESTAMP:
        {
          OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
          return value == null
              ? null
              : nodes.textNode(
                  DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                      value.withOffsetSameInstant(ZoneOffset.UTC)));
        }
      case JSON:
        {
          String value = rows.getString(index);
          return value == null ? null : json.parse(value);
        }
      default:
        {
          String value = rows.getString(index);
          return value == null ? null : nodes.textNode(value);
        }
    }
  }

  /** Parses the JSON text a JSON column holds. */
  interface JsonReader {
    JsonNode parse(String text) throws SQLException;
  }
}
