package io.formaloo.beam.pipelines.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a warehouse's tables fit the records before anything is written: creates the ones that are
 * absent, adds a column for a field that appeared since they were created, and refuses a table
 * whose columns or key cannot take the records, naming the table and the column.
 */
final class TableSetup {
  private final WarehouseUrl warehouse;
  private final Connection connection;

  TableSetup(WarehouseUrl warehouse, Connection connection) {
    this.warehouse = warehouse;
    this.connection = connection;
  }

  /**
   * @return the columns it added, as {@code table.column}
   * @throws WarehouseException naming the table of an incompatible shape
   */
  List<String> prepare(Table table) throws SQLException {
    Map<String, String> existing = columns(table.name());
    List<String> added = new ArrayList<>();
    if (existing.isEmpty()) {
      execute(warehouse.dialect().createTable(table));
      return added;
    }
    for (Column column : table.allColumns()) {
      String type = existing.get(column.name());
      if (type == null) {
        execute(warehouse.dialect().addColumn(table, column));
        added.add(table.name() + "." + column.name());
      } else if (!column.type().accepts(type)) {
        throw incompatible(
            table,
            "its column "
                + column.name()
                + " is "
                + type
                + ", where the export writes "
                + column.type().sql(warehouse.dialect()));
      }
    }
    if (!keyIsUnique(table)) {
      throw incompatible(
          table,
          "its column "
              + table.key()
              + " is not its primary key (or unique), which upserts by key need");
    }
    return added;
  }

  private WarehouseException incompatible(Table table, String why) {
    return new WarehouseException(
        warehouse,
        "the table "
            + table.name()
            + " does not fit the export: "
            + why
            + "; rename or drop it, or export into another database",
        null);
  }

  /** Column names to their database type names, in the current schema; empty if no table. */
  private Map<String, String> columns(String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? AND table_schema = current_schema()")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2).toLowerCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  /** Whether the key is the table's primary key, or unique on its own, as ON CONFLICT needs. */
  private boolean keyIsUnique(Table table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT tc.constraint_name, count(*) FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k"
                + " ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name"
                + " AND k.table_schema = tc.table_schema"
                + " WHERE tc.table_name = ? AND tc.table_schema = current_schema()"
                + " AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
                + " GROUP BY tc.constraint_name"
                + " HAVING count(*) = 1 AND max(k.column_name) = ?")) {
      query.setString(1, table.name());
      query.setString(2, table.key());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
