package io.formaloo.beam.pipelines.warehouse;

import io.formaloo.beam.pipelines.records.Entity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Customers gone from the API, found by a complete read: the ones the warehouse holds that the read
 * did not see ({@link Table#SEEN_CUSTOMERS}). Their rows stay, with {@code deleted_at}, so that a
 * warehouse still joins the history to them; a customer seen again loses it.
 */
final class SoftDeletes {
  private SoftDeletes() {}

  /**
   * Marks, in the caller's transaction, the customers not seen and their activities.
   *
   * @return how many customers it marked
   */
  static int mark(Connection connection, Instant at, boolean activities) throws SQLException {
    String customers = Table.of(Entity.CUSTOMERS).quoted();
    String seen = " (SELECT code FROM " + Table.SEEN_CUSTOMERS.quoted() + ")";
    int deleted =
        update(
            connection,
            "UPDATE "
                + customers
                + " SET deleted_at = ? WHERE deleted_at IS NULL AND code NOT IN"
                + seen,
            at);
    update(
        connection,
        "UPDATE "
            + customers
            + " SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND code IN"
            + seen,
        null);
    if (activities) {
      // The same JSON operator in PostgreSQL and DuckDB (in brackets: DuckDB binds IN tighter).
      String gone = " (SELECT code FROM " + customers + " WHERE deleted_at IS NOT NULL)";
      String activitiesTable = Table.of(Entity.ACTIVITIES).quoted();
      update(
          connection,
          "UPDATE "
              + activitiesTable
              + " SET deleted_at = ? WHERE deleted_at IS NULL AND (customer->>'code') IN"
              + gone,
          at);
      update(
          connection,
          "UPDATE "
              + activitiesTable
              + " SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND (customer->>'code') NOT IN"
              + gone,
          null);
    }
    return deleted;
  }

  private static int update(Connection connection, String sql, Instant at) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (at != null) {
        statement.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      }
      return statement.executeUpdate();
    }
  }
}
