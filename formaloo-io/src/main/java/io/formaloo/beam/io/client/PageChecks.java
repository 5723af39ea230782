package io.formaloo.beam.io.client;

import io.formaloo.beam.io.model.Page;

/**
 * What a page answer must hold to be believed: a {@code count} and a {@code page_count} that are
 * not negative, a {@code page_size} and a {@code current_page} of at least 1 (each when present). A
 * page that breaks one of these is a {@link ErrorKind#REMOTE} error that names the field and its
 * value.
 *
 * <p>Not checked here, on purpose: a page with more records than its {@code page_size} is returned
 * whole (a reader loses nothing by taking them, and a read's deduplication removes the records it
 * then sees twice); a {@code count} that is merely implausible is returned as answered, for the
 * read to test against the pages (see {@code PlanQueryFn}). A {@code page_count} beyond a 32-bit
 * integer, which no page number can reach, is refused by the parsers already.
 */
final class PageChecks {
  private PageChecks() {}

  static <T> Page<T> valid(Page<T> page, ApiResponse response) {
    Long count = page.getCount();
    if (count != null && count < 0) {
      throw response.notAPage("count is " + count);
    }
    Integer pageCount = page.getPageCount();
    if (pageCount != null && pageCount < 0) {
      throw response.notAPage("page_count is " + pageCount);
    }
    Integer pageSize = page.getPageSize();
    if (pageSize != null && pageSize < 1) {
      throw response.notAPage("page_size is " + pageSize);
    }
    Integer current = page.getCurrentPage();
    if (current != null && current < 1) {
      throw response.notAPage("current_page is " + current);
    }
    return page;
  }
}
