package io.formaloo.beam.pipelines.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.pipelines.cli.DateWindow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The days an incremental run reads, at the boundaries where incremental syncs go wrong. */
class IncrementalWindowTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

  @Test
  void withoutABookmarkEveryActivityIsRead() {
    assertThat(IncrementalWindow.of(null, 2, TODAY), is(nullValue()));
  }

  @Test
  void theBookmarksOwnDayAndTheLookbackDaysBeforeItAreReadAgainThroughToday() {
    DateWindow window = IncrementalWindow.of(LocalDate.parse("2026-11-20"), 2, TODAY);

    assertThat(window, is(new DateWindow(LocalDate.parse("2026-11-18"), TODAY)));
    assertThat(window.contains(LocalDate.parse("2026-11-18")), is(true));
    assertThat(window.contains(LocalDate.parse("2026-11-17")), is(false));
  }

  @Test
  void aRunOnTheBookmarksDayReadsThatDayAndTheLookback() {
    assertThat(
        IncrementalWindow.of(TODAY, 2, TODAY),
        is(new DateWindow(LocalDate.parse("2026-11-25"), TODAY)));
  }

  @Test
  void noLookbackStillReadsTheBookmarksOwnDay() {
    assertThat(
        IncrementalWindow.of(TODAY.minusDays(1), 0, TODAY),
        is(new DateWindow(TODAY.minusDays(1), TODAY)));
  }

  @Test
  void aBookmarkAheadOfThisMachinesClockIsStillReadThroughItsOwnDay() {
    LocalDate ahead = TODAY.plusDays(1);

    assertThat(
        IncrementalWindow.of(ahead, 2, TODAY), is(new DateWindow(TODAY.minusDays(1), ahead)));
  }
}
