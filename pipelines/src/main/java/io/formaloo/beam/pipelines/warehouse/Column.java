package io.formaloo.beam.pipelines.warehouse;

import java.io.Serializable;

/**
 * One column of a warehouse table.
 *
 * @param name the API's field name, e.g. {@code full_name}
 * @param type its kind
 */
public record Column(String name, ColumnType type) implements Serializable {
  /** The name quoted for SQL: field names such as {@code group} are reserved words. */
  String quoted() {
    return Dialect.quote(name);
  }
}
