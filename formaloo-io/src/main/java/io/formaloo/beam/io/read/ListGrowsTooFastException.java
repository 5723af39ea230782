package io.formaloo.beam.io.read;

/**
 * A list grew about as fast as it was read, so the read could not reach its end within its bound of
 * requests. Names the query, the growth seen and what to do.
 */
public final class ListGrowsTooFastException extends ListReadException {
  private static final long serialVersionUID = 1L;

  public ListGrowsTooFastException(
      ListQuery<?> query, long requests, long countAtStart, long countNow) {
    super(
        String.format(
            "%s: stopped after %,d page requests without reaching the end of the list: it went"
                + " from %,d to %,d records while it was read, changing about as fast as it can be"
                + " read."
                + " Read it in smaller queries (for activities, withCreatedBetween or"
                + " withActivityDateBetween: one query per day), or when it changes less.",
            query, requests, countAtStart, countNow));
  }
}
