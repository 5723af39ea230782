package io.formaloo.beam.pipelines.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads a warehouse table back as the records' JSON objects (the API's JSON, as {@link WriteTable}
 * took them), through Beam's {@code JdbcIO}: customers found deleted ({@code deleted_at}) are left
 * out, as they are out of the API.
 */
public final class ReadTable extends PTransform<PBegin, PCollection<String>> {
  private static final long serialVersionUID = 1L;

  private final WarehouseUrl warehouse;
  private final Table table;

  private ReadTable(WarehouseUrl warehouse, Table table) {
    this.warehouse = warehouse;
    this.table = table;
  }

  public static ReadTable of(WarehouseUrl warehouse, Table table) {
    return new ReadTable(warehouse, table);
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    List<Column> columns = table.columns();
    String query =
        "SELECT "
            + columns.stream().map(Column::quoted).collect(Collectors.joining(", "))
            + " FROM "
            + table.quoted()
            + (table.managed().stream().anyMatch(c -> c.name().equals(Table.DELETED_AT))
                ? " WHERE " + Dialect.quote(Table.DELETED_AT) + " IS NULL"
                : "");
    return begin.apply(
        "Read " + table.name(),
        JdbcIO.<String>read()
            .withDataSourceProviderFn(Connections.provider(warehouse))
            .withQuery(query)
            .withCoder(StringUtf8Coder.of())
            // Not reshuffled: what follows groups the rows by its own keys anyway, and on the
            // Direct runner the reshuffle's many small bundles tripled the analytics' time.
            .withOutputParallelization(false)
            .withRowMapper(
                rows -> {
                  ObjectNode record = RecordJson.mapper().createObjectNode();
                  for (int i = 0; i < columns.size(); i++) {
                    JsonNode value = columns.get(i).type().read(rows, i + 1, ReadTable::parse);
                    if (value != null) {
                      record.set(columns.get(i).name(), value);
                    }
                  }
                  return record.toString();
                }));
  }

  private static JsonNode parse(String text) throws SQLException {
    try {
      return RecordJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("a JSON column holds text that is not JSON", e);
    }
  }
}
