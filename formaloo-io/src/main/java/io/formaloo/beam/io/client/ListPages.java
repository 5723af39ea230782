package io.formaloo.beam.io.client;

import io.formaloo.beam.io.model.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Fetches pages of a list for {@link FormalooClient}: by number, or by an earlier page's {@code
 * next} link (only to the base URL's host), with the end of a list that shrank read as an empty
 * last page, and every page checked ({@link PageChecks}) before it is answered.
 */
final class ListPages {
  /** The detail DRF answers a page number past the end with. */
  private static final String INVALID_PAGE = "Invalid page.";

  /** The page number in a {@code next} link. */
  private static final Pattern PAGE_PARAMETER = Pattern.compile("[?&]page=(\\d{1,9})(?:&|$)");

  private final ApiCalls calls;

  ListPages(ApiCalls calls) {
    this.calls = calls;
  }

  /** Page {@code page} (from 1), read by {@code parser}; see {@link FormalooClient#listPage}. */
  <R> Page<R> page(
      ListEndpoint<?> endpoint,
      Map<String, String> filters,
      int page,
      @Nullable Integer pageSize,
      Function<ApiResponse, Page<R>> parser) {
    return fetch(endpoint, pageCall(endpoint, filters, page, pageSize), page, parser);
  }

  /** The page {@code next} links to; see {@link FormalooClient#nextPage}. */
  <T> Page<T> next(ListEndpoint<T> endpoint, String next) {
    FormalooConfig config = calls.config();
    if (!BaseUrl.sameOrigin(config.baseUrl(), next)) {
      throw new FormalooException(
          ErrorKind.CONFIGURATION,
          0,
          "GET",
          BaseUrl.pathOf(next),
          null,
          Map.of(),
          0,
          "the next link leads to "
              + foreignHost(next)
              + ", away from "
              + config.host()
              + "; the client sends credentials only to its base URL",
          null);
    }
    HttpCall call =
        new HttpCall(
            "GET", next, BaseUrl.pathOf(next), HttpCall.Purpose.LIST, null, null, Map.of());
    return fetch(endpoint, call, pageNumberOf(next), ModelAnswers.typedPage(endpoint));
  }

  private HttpCall pageCall(
      ListEndpoint<?> endpoint, Map<String, String> filters, int page, @Nullable Integer pageSize) {
    Checks.check(page >= 1, "page must be at least 1, got %s", page);
    Checks.check(
        pageSize == null || pageSize >= 1, "pageSize must be at least 1, got %s", pageSize);
    Checks.check(
        !filters.containsKey("page") && !filters.containsKey("page_size"),
        "filters must not hold page or page_size; pass them as arguments");
    Map<String, String> query = new LinkedHashMap<>(filters);
    query.put("page", Integer.toString(page));
    if (pageSize != null) {
      query.put("page_size", Integer.toString(pageSize));
    }
    return calls.call("GET", endpoint.path(), query, HttpCall.Purpose.LIST, null);
  }

  private <R> Page<R> fetch(
      ListEndpoint<?> endpoint, HttpCall call, int page, Function<ApiResponse, Page<R>> parser) {
    ApiResponse response;
    try {
      response = calls.send(call);
    } catch (FormalooException e) {
      if (e.status() == 404 && INVALID_PAGE.equals(e.detail())) {
        // The list shrank under the reader, or its page count was stale: the normal end.
        return Page.<R>builder()
            .setListKey(endpoint.listKey())
            .setCurrentPage(page)
            .setRecords(List.of())
            .build();
      }
      throw e;
    }
    return PageChecks.valid(parser.apply(response), response);
  }

  private static String foreignHost(String url) {
    try {
      String host = BaseUrl.hostOf(url);
      return host == null ? "no host" : host;
    } catch (IllegalArgumentException e) {
      return "an unreadable URL";
    }
  }

  private static int pageNumberOf(String url) {
    Matcher m = PAGE_PARAMETER.matcher(url);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
