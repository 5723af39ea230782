package io.formaloo.beam.pipelines.warehouse;

import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A warehouse table: its columns, the key rows upsert by, and what tells that a record changed.
 *
 * @param name the table's name, e.g. {@code customers}
 * @param columns the columns records fill, the key first
 * @param key the column rows upsert by (unique in the table)
 * @param changedBy the column whose new value means the record changed ({@code updated_at}), or
 *     null when any column's does (records without one: tags, currencies)
 * @param managed columns the export keeps itself and records never fill ({@code deleted_at})
 */
public record Table(
    String name, List<Column> columns, String key, String changedBy, List<Column> managed)
    implements Serializable {

  /**
   * When a customer (or the customer of an activity) was found gone from the API by a complete
   * read; null while it is there.
   */
  public static final String DELETED_AT = "deleted_at";

  static final String UPDATED_AT = "updated_at";

  /** The customers' codes the current run read: what soft deletes compare against. */
  static final Table SEEN_CUSTOMERS =
      new Table(
          "formaloo_customers_seen",
          List.of(new Column("code", ColumnType.TEXT)),
          "code",
          null,
          List.of());

  /**
   * The table of an entity, named after it, with a column per field of its records under the API's
   * names: nested records, lists and {@code customer_data} as JSON. Customers key by {@code code},
   * currencies by {@code iso_code}, everything else by {@code slug}.
   */
  public static Table of(Entity entity) {
    Class<?> type = entity.modelClass();
    Schema schema = RecordSchemas.api(type);
    Set<String> jsonText = RecordSchemas.jsonTextFields(type);
    String key = key(entity);
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      ColumnType kind =
          jsonText.contains(field.getName()) ? ColumnType.JSON : ColumnType.of(field.getType());
      Column column = new Column(field.getName(), kind);
      if (field.getName().equals(key)) {
        columns.add(0, column);
      } else {
        columns.add(column);
      }
    }
    if (schema.getFieldNames().stream().noneMatch(key::equals)) {
      throw new IllegalStateException(entity + " records have no " + key + " field");
    }
    String changedBy = schema.hasField(UPDATED_AT) ? UPDATED_AT : null;
    // Customers gone from the API, and their activities, which go with them.
    List<Column> managed =
        entity == Entity.CUSTOMERS || entity == Entity.ACTIVITIES
            ? List.of(new Column(DELETED_AT, ColumnType.TIMESTAMP))
            : List.of();
    return new Table(entity.folder(), List.copyOf(columns), key, changedBy, managed);
  }

  private static String key(Entity entity) {
    switch (entity) {
      case CUSTOMERS:
        return "code";
      case CURRENCIES:
        return "iso_code";
      default:
        return "slug";
    }
  }

  /** The key column. */
  Column keyColumn() {
    return columns.get(0);
  }

  /** Every column, the managed ones last. */
  List<Column> allColumns() {
    List<Column> all = new ArrayList<>(columns);
    all.addAll(managed);
    return all;
  }

  String quoted() {
    return Dialect.quote(name);
  }
}
