package io.formaloo.beam.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.io.model.ModelJson;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a warehouse table holds, read with plain JDBC and turned back into the connector's records
 * (a row's columns are the API's JSON fields), so that a test compares tables with the API record
 * for record.
 */
public final class TableContent {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableContent() {}

  /** The table's rows as records of {@code type}; {@code where} may be empty. */
  public static <T> List<T> records(String url, String table, Class<T> type, String where)
      throws Exception {
    List<T> records = new ArrayList<>();
    for (ObjectNode row : rows(url, "SELECT * FROM " + table + " " + where)) {
      row.remove("deleted_at");
      records.add(ModelJson.parse(row, type));
    }
    return records;
  }

  /** The first column of every row of {@code query}, as text. */
  public static List<String> column(String url, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = Warehouses.connect(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  /** Each row of {@code query} as a JSON object, by column name; SQL NULLs left out. */
  public static List<ObjectNode> rows(String url, String query) throws Exception {
    List<ObjectNode> rows = new ArrayList<>();
    try (Connection c = Warehouses.connect(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        ObjectNode row = JSON.createObjectNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          JsonNode value = value(r, i, meta.getColumnTypeName(i).toLowerCase(Locale.ROOT));
          if (value != null) {
            row.set(meta.getColumnName(i), value);
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static JsonNode value(ResultSet r, int i, String type) throws Exception {
    if (r.getObject(i) == null) {
      return null;
    }
    if (type.contains("json")) {
      return JSON.readTree(r.getString(i));
    }
    if (type.contains("timestamp")) {
      OffsetDateTime at = r.getObject(i, OffsetDateTime.class);
      return JSON.getNodeFactory()
          .textNode(
              DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                  at.withOffsetSameInstant(ZoneOffset.UTC)));
    }
    if (type.startsWith("int") || type.equals("bigint") || type.equals("serial")) {
      long number = r.getLong(i);
      // The model's integers are read strictly: an int where it fits, as the API writes them.
      return number == (int) number
          ? JSON.getNodeFactory().numberNode((int) number)
          : JSON.getNodeFactory().numberNode(number);
    }
    if (type.startsWith("bool")) {
      return JSON.getNodeFactory().booleanNode(r.getBoolean(i));
    }
    return JSON.getNodeFactory().textNode(r.getString(i));
  }
}
