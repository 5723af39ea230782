package io.formaloo.beam.pipelines.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What differs between the two warehouses the export writes: the driver, the column types, and the
 * shape of the upsert statement.
 *
 * <p>PostgreSQL takes one row per parameter set, in JDBC batches (the driver rewrites them into
 * multi-row inserts). DuckDB runs a prepared statement once per parameter set, about 250 rows a
 * second with an index to check, so it takes a whole batch of records as one JSON array and unnests
 * it ({@code from_json}): 60,000 rows a second and more.
 */
public enum Dialect {
  POSTGRES("jdbc:postgresql:", "org.postgresql.Driver"),
  DUCKDB("jdbc:duckdb:", "org.duckdb.DuckDBDriver");

  private final String prefix;
  private final String driver;

  Dialect(String prefix, String driver) {
    this.prefix = prefix;
    this.driver = driver;
  }

  /** The dialect of a JDBC URL, or null for a database the export does not know. */
  static Dialect of(String url) {
    for (Dialect dialect : values()) {
      if (url.toLowerCase(Locale.ROOT).startsWith(dialect.prefix)) {
        return dialect;
      }
    }
    return null;
  }

  String driverClass() {
    return driver;
  }

  /** Whether a statement takes a batch of records as one JSON array rather than a row. */
  boolean takesJsonBatches() {
    return this == DUCKDB;
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code CREATE TABLE IF NOT EXISTS}, the key as primary key. */
  String createTable(Table table) {
    List<String> columns = new ArrayList<>();
    for (Column column : table.allColumns()) {
      String definition = column.quoted() + " " + column.type().sql(this);
      columns.add(
          column.name().equals(table.key()) ? definition + " NOT NULL PRIMARY KEY" : definition);
    }
    return "CREATE TABLE IF NOT EXISTS " + table.quoted() + " (" + String.join(", ", columns) + ")";
  }

  String addColumn(Table table, Column column) {
    return "ALTER TABLE "
        + table.quoted()
        + " ADD COLUMN "
        + column.quoted()
        + " "
        + column.type().sql(this);
  }

  /**
   * The upsert of {@code table}'s records: insert, or on the key's conflict update the row only if
   * the record changed (its {@code updated_at}, or any column for records without one), so that a
   * rerun or a replayed bundle rewrites nothing. Tables whose only column is the key ignore
   * conflicts.
   */
  String upsert(Table table) {
    String names = table.columns().stream().map(Column::quoted).collect(Collectors.joining(", "));
    String insert = "INSERT INTO " + table.quoted() + " (" + names + ") ";
    String source = takesJsonBatches() ? fromJsonArray(table) : valuesRow(table);
    String conflict = " ON CONFLICT (" + table.keyColumn().quoted() + ") ";
    List<Column> updated = table.columns().subList(1, table.columns().size());
    if (updated.isEmpty()) {
      return insert + source + conflict + "DO NOTHING";
    }
    String set =
        updated.stream()
            .map(c -> c.quoted() + " = excluded." + c.quoted())
            .collect(Collectors.joining(", "));
    List<Column> compared =
        table.changedBy() == null
            ? updated
            : updated.stream().filter(c -> c.name().equals(table.changedBy())).toList();
    String changed =
        compared.stream()
            .map(
                c -> table.quoted() + "." + c.quoted() + " IS DISTINCT FROM excluded." + c.quoted())
            .collect(Collectors.joining(" OR "));
    return insert + source + conflict + "DO UPDATE SET " + set + " WHERE " + changed;
  }

  private String valuesRow(Table table) {
    return "VALUES ("
        + table.columns().stream()
            .map(c -> c.type() == ColumnType.JSON ? "CAST(? AS jsonb)" : "?")
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** DuckDB: the rows of one JSON array parameter, each member typed as its column. */
  private String fromJsonArray(Table table) {
    String structure =
        table.columns().stream()
            .map(c -> "\"" + c.name() + "\":\"" + c.type().sql(this) + "\"")
            .collect(Collectors.joining(",", "[{", "}]"));
    String fields =
        table.columns().stream().map(c -> "r." + c.quoted()).collect(Collectors.joining(", "));
    return "SELECT "
        + fields
        + " FROM (SELECT unnest(from_json(CAST(? AS JSON), '"
        + structure.replace("'", "''")
        + "')) AS r)";
  }
}
