package io.formaloo.beam.pipelines.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.commons.dbcp2.BasicDataSource;
import org.duckdb.DuckDBConnection;

/**
 * The connections of one worker process to a warehouse, shared by every {@code JdbcIO} write and
 * read of the pipeline and by the driver's own statements.
 *
 * <p>PostgreSQL: a pool, so that bundles do not each log in. DuckDB: a file only one process may
 * open, whose database closes with its last connection; one connection stays open for the process
 * and every other is a duplicate of it (same database, own transaction), so bundles neither reopen
 * the file nor lock each other out. {@link #close} releases both when the run ends.
 */
public final class Connections {
  private static final Map<WarehouseUrl, DataSource> OPEN = new ConcurrentHashMap<>();

  private Connections() {}

  /** A serializable way to the data source, for {@code JdbcIO.withDataSourceProviderFn}. */
  static SerializableFunction<Void, DataSource> provider(WarehouseUrl warehouse) {
    return new Provider(warehouse);
  }

  /** This process's data source for {@code warehouse}, opened on first use. */
  static DataSource dataSource(WarehouseUrl warehouse) {
    return OPEN.computeIfAbsent(warehouse, Connections::open);
  }

  /** A new connection, for the driver's statements. */
  static Connection connect(WarehouseUrl warehouse) throws SQLException {
    return dataSource(warehouse).getConnection();
  }

  /** Closes this process's connections to {@code warehouse}: DuckDB checkpoints its file. */
  public static void close(WarehouseUrl warehouse) {
    DataSource source = OPEN.remove(warehouse);
    try {
      if (source instanceof BasicDataSource pool) {
        pool.close();
      } else if (source instanceof DuckDbSource duck) {
        duck.root.close();
      }
    } catch (SQLException e) {
      // Closing after the work was committed: nothing is lost.
    }
  }

  private static DataSource open(WarehouseUrl warehouse) {
    if (warehouse.dialect() == Dialect.DUCKDB) {
      try {
        Class.forName(warehouse.dialect().driverClass());
        return new DuckDbSource(
            (DuckDBConnection)
                DriverManager.getConnection(warehouse.jdbcUrl(), warehouse.properties()));
      } catch (SQLException | ClassNotFoundException e) {
        throw new WarehouseException(warehouse, "cannot open the database file", e);
      }
    }
    BasicDataSource pool = new BasicDataSource();
    pool.setDriverClassName(warehouse.dialect().driverClass());
    pool.setUrl(warehouse.jdbcUrl());
    warehouse.properties().forEach((k, v) -> pool.addConnectionProperty((String) k, (String) v));
    pool.setMaxTotal(16);
    pool.setMaxIdle(16);
    return pool;
  }

  private static final class Provider implements SerializableFunction<Void, DataSource> {
    private static final long serialVersionUID = 1L;
    private final WarehouseUrl warehouse;

    Provider(WarehouseUrl warehouse) {
      this.warehouse = warehouse;
    }

    @Override
    public DataSource apply(Void input) {
      return dataSource(warehouse);
    }

    @Override
    public String toString() {
      return warehouse.redacted();
    }
  }

  /** Duplicates of one open DuckDB connection. */
  private static final class DuckDbSource implements DataSource {
    private final DuckDBConnection root;

    DuckDbSource(DuckDBConnection root) {
      this.root = root;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return root.duplicate();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
