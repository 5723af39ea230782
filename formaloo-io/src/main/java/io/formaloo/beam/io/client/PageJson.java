package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.Page;
import java.util.ArrayList;
import java.util.List;

/** Reads a DRF page answer: {@code count, next, previous, page_size, page_count, current_page}. */
final class PageJson {
  private PageJson() {}

  static Page<JsonNode> parse(ListEndpoint<?> endpoint, JsonNode answer, ApiResponse response) {
    JsonNode records = answer.path(endpoint.listKey());
    if (!records.isArray()) {
      throw response.unreadable(
          new IllegalArgumentException("no '" + endpoint.listKey() + "' list"));
    }
    List<JsonNode> list = new ArrayList<>(records.size());
    records.forEach(list::add);
    return Page.<JsonNode>builder()
        .setListKey(endpoint.listKey())
        .setCount(answer.path("count").isNumber() ? answer.path("count").asLong() : null)
        .setNext(text(answer.path("next")))
        .setPrevious(text(answer.path("previous")))
        .setPageSize(integer(answer, "page_size", response))
        .setPageCount(integer(answer, "page_count", response))
        .setCurrentPage(integer(answer, "current_page", response))
        .setRecords(list)
        .build();
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }

  /** As the typed parser reads it: a number that does not fit 32 bits is refused, not wrapped. */
  private static Integer integer(JsonNode answer, String field, ApiResponse response) {
    JsonNode n = answer.path(field);
    if (!n.isNumber()) {
      return null;
    }
    if (!n.canConvertToInt()) {
      throw response.unreadable(
          new IllegalArgumentException(
              "'" + field + "' is out of the range of a 32-bit integer: " + n.asText()));
    }
    return n.asInt();
  }
}
