package io.formaloo.beam.io.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What an imported job's {@code import_results} says: its row counts and the rows that failed,
 * {@code failed_rows: [{"row": <index in customers_data, from 0>, "data": {...}, "errors":
 * {...}}]}.
 */
final class ImportResults {
  private final Map<Integer, JsonNode> failedRows;
  private final long created;
  private final long existing;

  private ImportResults(Map<Integer, JsonNode> failedRows, long created, long existing) {
    this.failedRows = failedRows;
    this.created = created;
    this.existing = existing;
  }

  static ImportResults parse(@Nullable JsonNode results) {
    Map<Integer, JsonNode> failed = new HashMap<>();
    if (results == null || !results.isObject()) {
      return new ImportResults(failed, -1, -1);
    }
    for (JsonNode row : results.path("failed_rows")) {
      JsonNode index = row.get("row");
      if (index != null && index.canConvertToInt()) {
        failed.put(index.asInt(), row.path("errors"));
      }
    }
    return new ImportResults(
        failed, results.path("new").asLong(-1), results.path("existing").asLong(-1));
  }

  /** The errors of row {@code index}, or null if it did not fail. */
  @Nullable JsonNode errorsOf(int index) {
    return failedRows.get(index);
  }

  int failedCount() {
    return failedRows.size();
  }

  /**
   * Whether the imported rows were created (all new), updated (all existing), or null when the
   * counts are missing or mixed: the results do not say which row was which.
   */
  @Nullable Boolean created(int importedRows) {
    if (importedRows > 0 && created == importedRows && existing == 0) {
      return true;
    }
    if (importedRows > 0 && existing == importedRows && created == 0) {
      return false;
    }
    return null;
  }

  /** A row's errors for a person: {@code field: message message; field: message}. */
  static String summary(JsonNode errors) {
    if (errors == null || errors.isMissingNode() || errors.isNull()) {
      return "no errors given";
    }
    if (!errors.isObject()) {
      return errors.isTextual() ? errors.asText() : errors.toString();
    }
    StringBuilder s = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(field.getKey()).append(": ");
      if (field.getValue().isArray()) {
        String sep = "";
        for (JsonNode message : field.getValue()) {
          s.append(sep).append(message.isTextual() ? message.asText() : message.toString());
          sep = " ";
        }
      } else {
        s.append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue());
      }
    }
    return s.toString();
  }
}
