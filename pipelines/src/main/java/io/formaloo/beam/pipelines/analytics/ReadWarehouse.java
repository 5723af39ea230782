package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.files.ParseJsonLineFn;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import io.formaloo.beam.pipelines.warehouse.ReadTable;
import io.formaloo.beam.pipelines.warehouse.Table;
import io.formaloo.beam.pipelines.warehouse.Warehouse;
import io.formaloo.beam.pipelines.warehouse.WarehouseException;
import io.formaloo.beam.pipelines.warehouse.WarehouseUrl;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * An entity's records back from the warehouse an export wrote: its table's rows as the API's JSON,
 * parsed as an export's JSON Lines are, so that the report is built from the same records whatever
 * they were read from. Customers marked deleted are left out.
 *
 * @param <T> the model class
 */
final class ReadWarehouse<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final WarehouseUrl warehouse;
  private final Entity entity;
  private final Class<T> type;

  private ReadWarehouse(WarehouseUrl warehouse, Entity entity, Class<T> type) {
    this.warehouse = warehouse;
    this.entity = entity;
    this.type = type;
  }

  @SuppressWarnings("unchecked")
  static <T> ReadWarehouse<T> of(WarehouseUrl warehouse, Entity entity) {
    return new ReadWarehouse<>(warehouse, entity, (Class<T>) entity.modelClass());
  }

  /**
   * Connects once before the pipeline, so that a wrong URL or login is named at once.
   *
   * @throws InvalidOptionException naming {@code --warehouse}
   */
  static void check(WarehouseUrl warehouse) {
    try (Warehouse opened = Warehouse.open(warehouse)) {
      for (Entity entity : new Entity[] {Entity.CUSTOMERS, Entity.ACTIVITIES}) {
        if (!opened.hasTable(Table.of(entity))) {
          throw new InvalidOptionException(
              "--warehouse="
                  + warehouse.redacted()
                  + ": holds no "
                  + entity.folder()
                  + " table: run scripts/export --warehouse=... first");
        }
      }
    } catch (WarehouseException e) {
      throw new InvalidOptionException(e.getMessage(), e);
    }
  }

  @Override
  public PCollection<T> expand(PBegin begin) {
    return begin
        .apply("Rows", ReadTable.of(warehouse, Table.of(entity)))
        .apply("Records", ParDo.of(new ParseJsonLineFn<>(type)))
        .setCoder(RecordSchemas.coder(type));
  }
}
