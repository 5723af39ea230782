package io.formaloo.beam.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityChartTest {
  @Test
  void everyDayFromTheFirstToTheLastHasAColumnEmptyOnesToo() {
    ActivityChart chart =
        ActivityChart.of(
            List.of(
                new ReportData.DailyCount("2026-01-01", "Log in", 3),
                new ReportData.DailyCount("2026-01-04", "Log in", 2),
                new ReportData.DailyCount("2026-01-04", "Purchase", 5)));

    assertThat(chart.weekly(), is(false));
    assertThat(chart.periods().size(), is(4));
    assertThat(chart.series(), is(List.of("Log in", "Purchase")));
    assertThat(chart.values()[0][0], is(3L));
    assertThat(chart.values()[0][1], is(0L));
    assertThat(chart.values()[1][3], is(5L));
  }

  @Test
  void manyDaysAreShownByWeek() {
    List<ReportData.DailyCount> daily = new ArrayList<>();
    for (int d = 0; d < 200; d++) {
      daily.add(new ReportData.DailyCount(LocalDate.of(2026, 1, 5).plusDays(d).toString(), "x", 1));
    }

    ActivityChart chart = ActivityChart.of(daily);

    assertThat(chart.weekly(), is(true));
    assertThat(chart.periods().get(0), is(LocalDate.of(2026, 1, 5)));
    assertThat(chart.values()[0][0], is(7L));
  }

  @Test
  void theQuietestActionTypesShareOneColour() {
    List<ReportData.DailyCount> daily = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      daily.add(new ReportData.DailyCount("2026-01-01", "type " + t, 100 - t));
    }

    ActivityChart chart = ActivityChart.of(daily);

    assertThat(chart.series().size(), is(ActivityChart.MAX_SERIES));
    assertThat(chart.series().get(ActivityChart.MAX_SERIES - 1), is(ActivityChart.OTHER));
    assertThat(chart.totals()[ActivityChart.MAX_SERIES - 1], is(93L + 92 + 91 + 90 + 89));
  }

  @Test
  void axesEndOnRoundNumbers() {
    assertThat(Scale.upTo(433, 5), is(new Scale(500, 100)));
    assertThat(Scale.upTo(248, 4), is(new Scale(300, 100)));
    assertThat(Scale.upTo(7, 5), is(new Scale(8, 2)));
    assertThat(Scale.upTo(0, 5), is(new Scale(1, 1)));
    assertThat(Scale.label(12_500), is("12.5k"));
  }
}
