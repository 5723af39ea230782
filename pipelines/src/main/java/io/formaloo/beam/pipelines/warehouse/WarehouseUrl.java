package io.formaloo.beam.pipelines.warehouse;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import java.io.Serializable;
import java.util.Map;
import java.util.Properties;

/**
 * A warehouse to export into: its JDBC URL and the credentials to log in with, from the URL itself
 * or from {@code FORMALOO_WAREHOUSE_USER} / {@code FORMALOO_WAREHOUSE_PASSWORD}. Its text ({@link
 * #toString}, {@link #redacted}) never holds the password, wherever the URL had it.
 */
public final class WarehouseUrl implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String USER_VARIABLE = "FORMALOO_WAREHOUSE_USER";
  public static final String PASSWORD_VARIABLE = "FORMALOO_WAREHOUSE_PASSWORD";

  private final String url;
  private final Dialect dialect;
  private final String user;
  private final String password;

  private WarehouseUrl(String url, Dialect dialect, String user, String password) {
    this.url = url;
    this.dialect = dialect;
    this.user = user;
    this.password = password;
  }

  /**
   * The warehouse {@code --warehouse} names; credentials the URL lacks come from {@code
   * environment}.
   *
   * @throws InvalidOptionException for a URL of a database the export does not write
   */
  public static WarehouseUrl parse(String url, Map<String, String> environment) {
    String trimmed = url.trim();
    Dialect dialect = Dialect.of(trimmed);
    if (dialect == null) {
      throw new InvalidOptionException(
          "--warehouse must be a jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:duckdb:FILE URL,"
              + " got "
              + redact(trimmed));
    }
    return new WarehouseUrl(
        trimmed,
        dialect,
        blankToNull(environment.get(USER_VARIABLE)),
        blankToNull(environment.get(PASSWORD_VARIABLE)));
  }

  /** The JDBC URL, credentials included if it holds them: for the driver only, never to print. */
  String jdbcUrl() {
    return url;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The login the driver gets beside the URL; the URL's own parameters win over these. */
  Properties properties() {
    Properties properties = new Properties();
    if (dialect == Dialect.DUCKDB) {
      // A file: no login, and DuckDB takes every property for a setting of its own.
      return properties;
    }
    if (user != null && !url.contains("user=")) {
      properties.setProperty("user", user);
    }
    if (password != null && !url.contains("password=")) {
      properties.setProperty("password", password);
    }
    {
      // Seconds, so that a warehouse that cannot be reached is reported before the API is asked,
      // and JDBC batches travel as multi-row inserts (about 1.3x the rows a second here).
      properties.setProperty("connectTimeout", "5");
      properties.setProperty("loginTimeout", "10");
      properties.setProperty("reWriteBatchedInserts", "true");
      // Commits return before their WAL is flushed. Safe here: WAL is flushed in order, so if the
      // run's last commit (the bookmark) survives a server crash every upsert before it does, and
      // if it does not, the next run reads the same days again and its upserts are idempotent.
      // About a third more rows a second on this machine.
      properties.setProperty("options", "-c synchronous_commit=off");
    }
    return properties;
  }

  /** The URL without a password, or a user and password before the host. */
  public String redacted() {
    return redact(url);
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  @Override
  public String toString() {
    return redacted();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WarehouseUrl w
        && url.equals(w.url)
        && java.util.Objects.equals(user, w.user)
        && java.util.Objects.equals(password, w.password);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
