package io.formaloo.beam.emulator;

/**
 * Answers a broken or hostile server gives, set with {@link Faults.Builder#hostileAnswer}, {@link
 * Faults.Builder#wrongCount}, {@link Faults.Builder#foreignNext} or {@link
 * Faults.Builder#foreignRedirect}. Each replaces the successful answer to every {@code GET} of the
 * API (lists and single records); token requests, writes and error answers are left alone, so a
 * client can still authenticate. The ones about pages ({@link #OVERFULL_PAGE}, {@link
 * #WRONG_COUNT}, {@link #FOREIGN_NEXT}) change list pages only.
 */
public enum HostileAnswer {
  /** No hostile answer: the API as documented. */
  NONE,
  /** 200 with the first half of the JSON body, and a {@code Content-Length} that matches it. */
  TRUNCATED_JSON,
  /** 502 with a proxy's HTML error page ({@code Content-Type: text/html}). */
  HTML_ERROR_PAGE,
  /** 200 labelled {@code application/json} whose body is plain text, not JSON. */
  NOT_JSON,
  /** 200 with the right JSON body labelled {@code Content-Type: text/html}. */
  WRONG_CONTENT_TYPE,
  /**
   * Every list page holds half a page more than its {@code page_size}: the first records of the
   * next page come again at its end.
   */
  OVERFULL_PAGE,
  /**
   * Every list page answers {@link Faults#hostileCount()} as its {@code count}, and the {@code
   * page_count} that follows from it when it is positive; the pages themselves hold what the list
   * really holds.
   */
  WRONG_COUNT,
  /** Every list page's {@code next} link points at {@link Faults#foreignBaseUrl()} instead. */
  FOREIGN_NEXT,
  /**
   * 302 to the same path and query under {@link Faults#foreignBaseUrl()}, with an empty body: a
   * client that follows it hands its credentials to that host.
   */
  FOREIGN_REDIRECT,
  /**
   * 200 with a {@code Content-Length} of the whole body, half of it sent, then nothing: the answer
   * stalls until the faults change, the emulator closes or a minute passes, then the connection is
   * dropped.
   */
  STALL_MID_BODY
}
