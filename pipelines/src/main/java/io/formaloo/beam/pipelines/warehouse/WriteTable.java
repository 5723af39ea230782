package io.formaloo.beam.pipelines.warehouse;

import java.sql.SQLException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Upserts records, each a JSON object under the API's field names, into one warehouse table through
 * Beam's {@code JdbcIO}: by the table's key, changing a row only when the record changed, so that a
 * rerun, a replay or a retried bundle never duplicates. The output is empty and complete once every
 * write has committed ({@code JdbcIO.WriteVoid}), for {@code Wait.on}.
 *
 * <p>The table must exist ({@link Warehouse#prepare}).
 */
public final class WriteTable extends PTransform<PCollection<String>, PCollection<Void>> {
  private static final long serialVersionUID = 1L;

  /** Rows per JDBC batch and transaction (PostgreSQL), or per JSON array statement (DuckDB). */
  static final int BATCH_RECORDS = 1000;

  static final long BATCH_BYTES = 8L << 20;

  private final WarehouseUrl warehouse;
  private final Table table;

  private WriteTable(WarehouseUrl warehouse, Table table) {
    this.warehouse = warehouse;
    this.table = table;
  }

  public static WriteTable of(WarehouseUrl warehouse, Table table) {
    return new WriteTable(warehouse, table);
  }

  /** The customers' codes a run read, into the table soft deletes compare against. */
  public static PTransform<PCollection<String>, PCollection<Void>> seenCustomers(
      WarehouseUrl warehouse) {
    return new PTransform<>() {
      @Override
      public PCollection<Void> expand(PCollection<String> codes) {
        return codes
            .apply(
                "As records",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        code ->
                            RecordJson.mapper().createObjectNode().put("code", code).toString()))
            .setCoder(StringUtf8Coder.of())
            .apply(new WriteTable(warehouse, Table.SEEN_CUSTOMERS));
      }
    };
  }

  @Override
  public PCollection<Void> expand(PCollection<String> records) {
    Dialect dialect = warehouse.dialect();
    JdbcIO.WriteVoid<String> write =
        JdbcIO.<String>write()
            .withDataSourceProviderFn(Connections.provider(warehouse))
            .withStatement(dialect.upsert(table))
            .withRetryStrategy(WriteTable::isTransient)
            .withResults();
    if (!dialect.takesJsonBatches()) {
      return records.apply(
          "Upsert into " + table.name(),
          write.withPreparedStatementSetter(new RowBinder(table)).withBatchSize(BATCH_RECORDS));
    }
    return records
        .apply(
            "Batch for " + table.name(),
            ParDo.of(new JsonBatchFn(table.key(), BATCH_RECORDS, BATCH_BYTES)))
        .setCoder(StringUtf8Coder.of())
        .apply(
            "Upsert into " + table.name(),
            write
                .withPreparedStatementSetter((array, statement) -> statement.setString(1, array))
                .withBatchSize(1));
  }

  /**
   * What a retry can get past: PostgreSQL's serialization failures and deadlocks, DuckDB's
   * conflicts between concurrent transactions.
   */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    String message = String.valueOf(e.getMessage());
    return "40001".equals(state)
        || "40P01".equals(state)
        || message.contains("TransactionContext Error")
        || message.contains("Conflict on");
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("warehouse", warehouse.redacted()).withLabel("Warehouse"))
        .add(DisplayData.item("table", table.name()).withLabel("Table"))
        .add(DisplayData.item("key", table.key()).withLabel("Upsert key"));
  }
}
