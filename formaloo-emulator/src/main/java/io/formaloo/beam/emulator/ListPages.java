package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answer of every paginated list: the items gathered and the page cut under the store's read
 * lock, so that a page's {@code count} and its items describe the same moment of the list.
 */
final class ListPages {
  private final DataStore store;
  private final Paginator paginator;

  ListPages(DataStore store, Paginator paginator) {
    this.store = store;
    this.paginator = paginator;
  }

  /** The requested page of the list {@code items} gathers, each item rendered by {@code view}. */
  <T> ApiResponse answer(
      ApiRequest req,
      String listKey,
      Supplier<List<T>> items,
      Function<? super T, ? extends JsonNode> view) {
    return store.read(
        () -> {
          List<T> all = items.get();
          return ApiResponse.ok(
              paginator.page(req, listKey, all.size(), i -> view.apply(all.get(i))));
        });
  }
}
