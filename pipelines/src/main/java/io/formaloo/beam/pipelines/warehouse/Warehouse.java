package io.formaloo.beam.pipelines.warehouse;

import io.formaloo.beam.pipelines.records.Entity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The driver's side of an export into a warehouse: what runs before the pipeline (is it reachable,
 * do the tables fit, where are the bookmarks) and after it (soft deletes and bookmarks, in one
 * transaction, once the pipeline's writes have committed).
 */
public final class Warehouse implements AutoCloseable {
  private final WarehouseUrl url;
  private final Connection connection;

  private Warehouse(WarehouseUrl url, Connection connection) {
    this.url = url;
    this.connection = connection;
  }

  /**
   * Connects, in seconds: before any API request, so that a wrong URL or login is reported as such.
   *
   * @throws WarehouseException saying whether the database cannot be reached, refused the
   *     credentials, or does not exist
   */
  public static Warehouse open(WarehouseUrl url) {
    try {
      return new Warehouse(url, Connections.connect(url));
    } catch (WarehouseException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      Connections.close(url);
      throw new WarehouseException(url, why(url, e), e);
    }
  }

  private static String why(WarehouseUrl url, Exception e) {
    if (url.dialect() == Dialect.DUCKDB) {
      return "cannot open the database file";
    }
    // The pool wraps the driver's exception in one of its own, without a state.
    String state = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
      }
    }
    if (state == null) {
      return "cannot connect to the database";
    }
    if (state.startsWith("08")) {
      return "cannot reach the database";
    }
    if (state.startsWith("28")) {
      return "the database refused the credentials (the URL's, or "
          + WarehouseUrl.USER_VARIABLE
          + "/"
          + WarehouseUrl.PASSWORD_VARIABLE
          + ")";
    }
    if (state.equals("3D000")) {
      return "the database does not exist";
    }
    return "cannot connect to the database";
  }

  public WarehouseUrl url() {
    return url;
  }

  /**
   * Creates or completes the entities' tables, the bookmark table and the table of customers seen
   * (emptied: it holds what this run reads).
   *
   * @return the columns added to existing tables, as {@code table.column}
   * @throws WarehouseException naming a table of an incompatible shape
   */
  public List<String> prepare(List<Entity> entities) {
    List<Table> tables = new ArrayList<>();
    entities.forEach(e -> tables.add(Table.of(e)));
    tables.add(SyncState.TABLE);
    tables.add(Table.SEEN_CUSTOMERS);
    try {
      TableSetup setup = new TableSetup(url, connection);
      List<String> added = new ArrayList<>();
      for (Table table : tables) {
        added.addAll(setup.prepare(table));
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM " + Table.SEEN_CUSTOMERS.quoted());
      }
      return added;
    } catch (SQLException e) {
      throw new WarehouseException(url, "cannot create or check the tables", e);
    }
  }

  /** The bookmarks of earlier incremental runs, by entity. */
  public Map<Entity, LocalDate> bookmarks() {
    try {
      return SyncState.read(connection);
    } catch (SQLException e) {
      throw new WarehouseException(url, "cannot read " + SyncState.TABLE.name(), e);
    }
  }

  /**
   * Ends a run whose reads completed and whose writes committed, in one transaction: customers the
   * read did not see get {@code deleted_at = at} and so do their activities (the API removes them
   * with their customer), customers seen again lose theirs; then the bookmarks move to {@code
   * bookmarks}. {@code customersRead} false (customers were not exported) marks nothing.
   *
   * @return how many customers were found deleted
   */
  public int finish(Instant at, boolean customersRead, Map<Entity, LocalDate> bookmarks) {
    try {
      connection.setAutoCommit(false);
      int deleted = customersRead ? SoftDeletes.mark(connection, at, hasActivities()) : 0;
      SyncState.write(connection, bookmarks, at);
      connection.commit();
      return deleted;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // The failure below says what went wrong; the transaction is gone with the connection.
      }
      throw new WarehouseException(url, "cannot record the run's deletes and bookmarks", e);
    }
  }

  private boolean hasActivities() throws SQLException {
    return tableExists(Table.of(Entity.ACTIVITIES));
  }

  /** Whether the warehouse holds {@code table} (of any shape). */
  public boolean hasTable(Table table) {
    try {
      return tableExists(table);
    } catch (SQLException e) {
      throw new WarehouseException(url, "cannot list the tables", e);
    }
  }

  private boolean tableExists(Table table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table.name(), null)) {
      return tables.next();
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing is pending on this connection: every transaction was committed or rolled back.
    }
  }
}
