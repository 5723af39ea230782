package io.formaloo.beam.io.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the client turns answers into model records and records into request bodies: the one place
 * it calls {@link ModelJson}, so that every answer that does not map onto the model fails the same
 * way ({@link ApiResponse#unreadable}) and every record that cannot be written fails before
 * anything is sent.
 */
final class ModelAnswers {
  private ModelAnswers() {}

  /** One record out of the answer (and out of its envelope). */
  static <T> T record(ApiResponse r, Class<T> type) {
    try {
      return ModelJson.parse(r.body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw r.unreadable(e);
    }
  }

  /** A body that is a JSON array of records (and out of its envelope). */
  static <T> List<T> records(ApiResponse r, Class<T> type) {
    try {
      return ModelJson.parseList(r.body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw r.unreadable(e);
    }
  }

  /**
   * A record as a request body.
   *
   * @throws FormalooException of kind {@link ErrorKind#RECORD}, for a record that cannot be written
   *     (a free-form field that is not JSON): it is never sent
   */
  static byte[] requestBody(String method, String url, Object record) {
    try {
      return ModelJson.toRequestJsonBytes(record);
    } catch (IllegalArgumentException e) {
      throw new FormalooException(
          ErrorKind.RECORD,
          0,
          method,
          BaseUrl.pathOf(url),
          null,
          Map.of(),
          0,
          "the record cannot be written as JSON: " + e.getMessage(),
          null);
    }
  }

  /** A page of records; one that does not map fails the page. */
  static <T> Function<ApiResponse, Page<T>> typedPage(ListEndpoint<T> endpoint) {
    return r -> {
      try {
        return ModelJson.parsePage(r.body, endpoint.listKey(), endpoint.recordClass());
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw r.unreadable(e);
      }
    };
  }

  /**
   * A page of items: read as fast as {@link #typedPage} while every record maps; only a page with a
   * record that does not is read again from its tree, item by item.
   */
  static <T> Function<ApiResponse, Page<PageItem<T>>> pageItems(ListEndpoint<T> endpoint) {
    return r -> {
      Page<T> typed;
      try {
        typed = ModelJson.parsePage(r.body, endpoint.listKey(), endpoint.recordClass());
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return itemByItem(endpoint, r);
      }
      List<PageItem<T>> items = new ArrayList<>(typed.getRecords().size());
      for (T record : typed.getRecords()) {
        items.add(PageItem.of(record));
      }
      return withRecords(typed, items);
    };
  }

  /** A page with its records as JSON trees. */
  static Function<ApiResponse, Page<JsonNode>> jsonPage(ListEndpoint<?> endpoint) {
    return r -> PageJson.parse(endpoint, r.data(), r);
  }

  /** The slow path: the page as a tree (a page that is not one fails here), then each item. */
  private static <T> Page<PageItem<T>> itemByItem(ListEndpoint<T> endpoint, ApiResponse r) {
    Page<JsonNode> tree = PageJson.parse(endpoint, r.data(), r);
    List<PageItem<T>> items = new ArrayList<>(tree.getRecords().size());
    for (JsonNode node : tree.getRecords()) {
      try {
        items.add(PageItem.of(ModelJson.parse(node, endpoint.recordClass())));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String reason =
            e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        items.add(PageItem.unreadable(node.toString(), String.valueOf(reason)));
      }
    }
    return withRecords(tree, items);
  }

  private static <R> Page<R> withRecords(Page<?> page, List<R> records) {
    return Page.<R>builder()
        .setListKey(page.getListKey())
        .setCount(page.getCount())
        .setNext(page.getNext())
        .setPrevious(page.getPrevious())
        .setPageSize(page.getPageSize())
        .setPageCount(page.getPageCount())
        .setCurrentPage(page.getCurrentPage())
        .setRecords(records)
        .build();
  }
}
