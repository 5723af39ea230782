package io.formaloo.beam.pipelines.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.records.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The bookmarks of incremental file exports, in the output folder beside the entities' folders:
 * {@code _sync_state.json}, {@code {"bookmarks": {"activities": "2026-11-27", ...}, "completed_at":
 * "..."}}, as the warehouse keeps them in {@code formaloo_sync_state}.
 */
final class FileSyncState {
  static final String FILE = "_sync_state.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FileSyncState() {}

  /** The bookmarks in {@code output}, none if the file is not there yet. */
  static Map<Entity, LocalDate> read(ResourceId output) {
    Map<Entity, LocalDate> bookmarks = new EnumMap<>(Entity.class);
    ResourceId file = Locations.file(output, FILE);
    try {
      MatchResult match = FileSystems.match(file.toString(), EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        return bookmarks;
      }
      JsonNode state;
      try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
        state = JSON.readTree(in);
      }
      for (Entity entity : Entity.values()) {
        JsonNode day = state.path("bookmarks").path(entity.folder());
        if (day.isTextual()) {
          bookmarks.put(entity, LocalDate.parse(day.asText()));
        }
      }
      return bookmarks;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the export's bookmarks in " + file, e);
    }
  }

  /** Replaces the file with {@code bookmarks}: only once the run's files are all written. */
  static void write(ResourceId output, Map<Entity, LocalDate> bookmarks, Instant completedAt) {
    ObjectNode state = JSON.createObjectNode();
    ObjectNode days = state.putObject("bookmarks");
    bookmarks.forEach((entity, day) -> days.put(entity.folder(), day.toString()));
    state.put("completed_at", completedAt.toString());
    ResourceId file = Locations.file(output, FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT))) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export's bookmarks to " + file, e);
    }
  }
}
