package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Django REST Framework's page-number pagination: {@code ?page=N} (1-based) and an optional {@code
 * page_size} honoured up to the configured maximum; a page past the end is a 404 "Invalid page.";
 * {@code next}/{@code previous} are absolute links. The page-level {@link HostileAnswer}s (an
 * overfull page, a wrong count, a foreign next link) are applied here.
 */
final class Paginator {
  /** DRF's {@code ?page=last}. */
  private static final int LAST = -1;

  private final int defaultPageSize;
  private final int maxPageSize;
  private final FaultInjector faults;

  Paginator(int defaultPageSize, int maxPageSize, FaultInjector faults) {
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.faults = faults;
  }

  /**
   * One page of a list of {@code count} items, the i-th (0-based, in list order) rendered by {@code
   * itemAt}.
   */
  ObjectNode page(ApiRequest req, String listKey, int count, IntFunction<JsonNode> itemAt) {
    int size = pageSize(req);
    int pageCount = Math.max(1, (count + size - 1) / size);
    int page = pageNumber(req);
    if (page == LAST) {
      page = pageCount;
    }
    if (page > pageCount) {
      throw ApiException.invalidPage();
    }
    if (page == faults.faults().failingPage()) {
      throw ApiException.detail(500, "A server error occurred.");
    }
    Faults f = faults.faults();
    HostileAnswer hostile = f.hostileAnswer();
    String nextBase =
        hostile == HostileAnswer.FOREIGN_NEXT ? f.foreignBaseUrl() : req.absoluteBase();
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (hostile == HostileAnswer.WRONG_COUNT) {
      long wrong = f.hostileCount();
      node.put("count", wrong);
      node.put("next", page < pageCount ? link(req, nextBase, page + 1) : null);
      node.put("previous", page > 1 ? link(req, req.absoluteBase(), page - 1) : null);
      node.put("page_size", size);
      // As a server that believes its own count would: a long, when the count is positive.
      node.put("page_count", wrong > 0 ? (wrong + size - 1) / size : pageCount);
    } else {
      node.put("count", count);
      node.put("next", page < pageCount ? link(req, nextBase, page + 1) : null);
      node.put("previous", page > 1 ? link(req, req.absoluteBase(), page - 1) : null);
      node.put("page_size", size);
      node.put("page_count", pageCount);
    }
    node.put("current_page", page);
    ArrayNode items = node.putArray(listKey);
    int from = (page - 1) * size;
    int extra = hostile == HostileAnswer.OVERFULL_PAGE ? Math.max(1, size / 2) : 0;
    int to = (int) Math.min(count, (long) from + size + extra);
    for (int i = from; i < to; i++) {
      items.add(itemAt.apply(i));
    }
    return node;
  }

  int pageSize(ApiRequest req) {
    int chosen = faults.faults().serverPageSize();
    if (chosen > 0) {
      return chosen; // a server that chooses its page size and ignores the parameter
    }
    String raw = req.param("page_size");
    if (raw == null) {
      return defaultPageSize;
    }
    try {
      int asked = Integer.parseInt(raw.trim());
      // DRF ignores a size it cannot use and falls back to the default.
      return asked < 1 ? defaultPageSize : Math.min(asked, maxPageSize);
    } catch (NumberFormatException e) {
      return defaultPageSize;
    }
  }

  private static int pageNumber(ApiRequest req) {
    String raw = req.param("page");
    if (raw == null) {
      return 1;
    }
    if (raw.equals("last")) {
      return LAST;
    }
    try {
      int page = Integer.parseInt(raw.trim());
      if (page < 1) {
        throw ApiException.invalidPage();
      }
      return page;
    } catch (NumberFormatException e) {
      throw ApiException.invalidPage();
    }
  }

  private static String link(ApiRequest req, String base, int page) {
    Map<String, String> query = new LinkedHashMap<>(req.query());
    query.put("page", Integer.toString(page));
    StringBuilder url = new StringBuilder(base).append(req.path()).append('?');
    boolean first = true;
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (!first) {
        url.append('&');
      }
      first = false;
      url.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
