package io.formaloo.beam.pipelines.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.records.Json;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Turns a CSV row into the JSON record the API's field names describe, so that CSV and JSON Lines
 * go through the same parser ({@code ModelJson}).
 *
 * <p>Columns are the API's field names; a nested field is named by its path, e.g. {@code
 * customer.email} or {@code action.slug} ({@code action} alone means {@code action.slug}). Values
 * are text except where the API wants something else: {@code score} is an integer, {@code tags} a
 * list of tag slugs separated by {@code ;}, {@code customer_data} JSON. An empty cell is an absent
 * field. Columns the API does not know are ignored, as unknown JSON fields are.
 */
public final class CsvColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Kind {
    INTEGER,
    TAGS,
    JSON
  }

  private static final CsvColumns CUSTOMERS =
      new CsvColumns(
          Map.of("score", Kind.INTEGER, "tags", Kind.TAGS, "customer_data", Kind.JSON), Map.of());
  private static final CsvColumns ACTIVITIES =
      new CsvColumns(
          Map.of("customer.score", Kind.INTEGER, "customer.level", Kind.INTEGER),
          Map.of("action", "action.slug"));

  private final Map<String, Kind> kinds;
  private final Map<String, String> aliases;

  private CsvColumns(Map<String, Kind> kinds, Map<String, String> aliases) {
    this.kinds = kinds;
    this.aliases = aliases;
  }

  public static CsvColumns forType(Class<?> type) {
    if (type == Customer.class) {
      return CUSTOMERS;
    }
    if (type == Activity.class) {
      return ACTIVITIES;
    }
    throw new IllegalArgumentException("no CSV columns for " + type.getName());
  }

  /**
   * The record as JSON.
   *
   * @throws IllegalArgumentException saying which cell is wrong
   */
  public ObjectNode toJson(List<String> header, List<String> row) {
    checkWidth(header, row);
    ObjectNode record = Json.MAPPER.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String value = row.get(i).trim();
      if (value.isEmpty()) {
        continue;
      }
      String column = header.get(i).trim();
      String path = aliases.getOrDefault(column, column);
      String[] parts = path.split("\\.");
      ObjectNode parent = record;
      for (int p = 0; p < parts.length - 1; p++) {
        JsonNode child = parent.get(parts[p]);
        parent = child instanceof ObjectNode ? (ObjectNode) child : parent.putObject(parts[p]);
      }
      parent.set(parts[parts.length - 1], value(column, path, value));
    }
    return record;
  }

  /** The row as the file had it, column by column, for a dead letter. */
  public static ObjectNode raw(List<String> header, List<String> row) {
    ObjectNode raw = Json.MAPPER.createObjectNode();
    for (int i = 0; i < row.size(); i++) {
      raw.put(i < header.size() ? header.get(i).trim() : "column_" + (i + 1), row.get(i));
    }
    return raw;
  }

  private JsonNode value(String column, String path, String value) {
    Kind kind = kinds.get(path);
    if (kind == null) {
      return Json.MAPPER.getNodeFactory().textNode(value);
    }
    switch (kind) {
      case INTEGER:
        try {
          return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(value));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "column " + column + ": not an integer: \"" + value + "\"");
        }
      case TAGS:
        ArrayNode tags = Json.MAPPER.createArrayNode();
        for (String slug : value.split(";")) {
          if (!slug.isBlank()) {
            tags.addObject().put("slug", slug.trim());
          }
        }
        return tags;
      default:
        try {
          return Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              "column " + column + ": not JSON: " + e.getOriginalMessage());
        }
    }
  }

  private static void checkWidth(List<String> header, List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "the row has " + row.size() + " fields, the header " + header.size());
    }
  }
}
