package io.formaloo.beam.pipelines.warehouse;

import io.formaloo.beam.pipelines.records.Entity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bookmarks of incremental exports, one row per entity in the warehouse's own {@code
 * formaloo_sync_state} table: the last day a complete read covered, and when that read ended.
 */
final class SyncState {
  static final Table TABLE =
      new Table(
          "formaloo_sync_state",
          List.of(
              new Column("entity", ColumnType.TEXT),
              new Column("bookmark", ColumnType.DATE),
              new Column("completed_at", ColumnType.TIMESTAMP)),
          "entity",
          null,
          List.of());

  private SyncState() {}

  static Map<Entity, LocalDate> read(Connection connection) throws SQLException {
    Map<Entity, LocalDate> bookmarks = new EnumMap<>(Entity.class);
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT entity, bookmark FROM " + TABLE.quoted() + " WHERE bookmark IS NOT NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String entity = rows.getString(1).toUpperCase(Locale.ROOT);
        for (Entity e : Entity.values()) {
          if (e.name().equals(entity)) {
            bookmarks.put(e, rows.getObject(2, LocalDate.class));
          }
        }
      }
    }
    return bookmarks;
  }

  /** Sets the bookmarks, in the caller's transaction. */
  static void write(Connection connection, Map<Entity, LocalDate> bookmarks, Instant completedAt)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + TABLE.quoted()
            + " (entity, bookmark, completed_at) VALUES (?, ?, ?) ON CONFLICT (entity)"
            + " DO UPDATE SET bookmark = excluded.bookmark, completed_at = excluded.completed_at";
    try (PreparedStatement upsert = connection.prepareStatement(sql)) {
      for (Map.Entry<Entity, LocalDate> bookmark : bookmarks.entrySet()) {
        upsert.setString(1, bookmark.getKey().folder());
        upsert.setObject(2, bookmark.getValue());
        upsert.setObject(3, OffsetDateTime.ofInstant(completedAt, ZoneOffset.UTC));
        upsert.executeUpdate();
      }
    }
  }
}
