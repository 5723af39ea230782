package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.pipelines.cli.DateWindow;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The days of activities an incremental run reads, by {@code created_at}: from the bookmark's day
 * minus the lookback to today, both included. The bookmark is the last day a complete read covered,
 * so its own day is read again (activities recorded after that read, the same day), and the
 * lookback days before it too (activities the API recorded late, under an earlier day). No bookmark
 * yet: every activity.
 */
final class IncrementalWindow {
  /** The time runs take their day from; a test may hold it. */
  static Clock clock = Clock.systemUTC();

  private IncrementalWindow() {}

  /**
   * @return the window, or null for every activity
   */
  static DateWindow of(LocalDate bookmark, int lookbackDays, LocalDate today) {
    if (bookmark == null) {
      return null;
    }
    LocalDate since = bookmark.minusDays(lookbackDays);
    // A bookmark ahead of this machine's today (another machine's clock) still reads its own day.
    LocalDate until = bookmark.isAfter(today) ? bookmark : today;
    return new DateWindow(since, until);
  }
}
