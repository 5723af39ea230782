package io.formaloo.beam.pipelines.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/** Binds one record's JSON object to the parameters of a one-row upsert, a column each. */
final class RowBinder implements JdbcIO.PreparedStatementSetter<String> {
  private static final long serialVersionUID = 1L;

  private final List<Column> columns;

  RowBinder(Table table) {
    this.columns = table.columns();
  }

  @Override
  public void setParameters(String json, PreparedStatement statement) throws Exception {
    JsonNode record = RecordJson.parse(json);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      column.type().bind(statement, i + 1, record.get(column.name()));
    }
  }
}
