package io.formaloo.beam.pipelines.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The activities chart's data, shaped for a person: every day from the first to the last (empty
 * ones too, so gaps show), by week when there are too many days for a column each; the busiest
 * action types each in a colour of their own, the rest together as "Other".
 *
 * @param weekly whether a column is a week (from Monday) rather than a day
 * @param periods each column's first day
 * @param series the action types shown, busiest first, then "Other" if needed
 * @param values {@code values[series][period]}
 * @param totals each series's total
 */
record ActivityChart(
    boolean weekly, List<LocalDate> periods, List<String> series, long[][] values, long[] totals) {

  /** Beyond this many days, a column is a week. */
  static final int MAX_DAILY_COLUMNS = 92;

  /** Action types with a colour of their own; the rest are "Other". */
  static final int MAX_SERIES = 8;

  static final String OTHER = "Other";

  /** Colours that stay apart for most kinds of colour vision (Tableau 10). */
  static final List<String> PALETTE =
      List.of(
          "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
          "#9c755f");

  static final String OTHER_COLOR = "#bab0ac";

  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  static ActivityChart of(List<ReportData.DailyCount> daily) {
    if (daily.isEmpty()) {
      return new ActivityChart(false, List.of(), List.of(), new long[0][0], new long[0]);
    }
    LocalDate first = null;
    LocalDate last = null;
    Map<String, Long> byType = new TreeMap<>();
    for (ReportData.DailyCount c : daily) {
      LocalDate day = LocalDate.parse(c.day());
      first = first == null || day.isBefore(first) ? day : first;
      last = last == null || day.isAfter(last) ? day : last;
      byType.merge(c.actionType(), c.activities(), Long::sum);
    }
    boolean weekly = ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAILY_COLUMNS;
    LocalDate start = weekly ? monday(first) : first;
    List<LocalDate> periods = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(weekly ? 7 : 1)) {
      periods.add(d);
    }
    List<String> busiest =
        byType.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    List<String> series = new ArrayList<>(busiest);
    if (series.size() > MAX_SERIES) {
      series = new ArrayList<>(busiest.subList(0, MAX_SERIES - 1));
      series.add(OTHER);
    }
    Map<String, Integer> seriesIndex = new LinkedHashMap<>();
    for (int i = 0; i < series.size(); i++) {
      seriesIndex.put(series.get(i), i);
    }
    long[][] values = new long[series.size()][periods.size()];
    long[] totals = new long[series.size()];
    for (ReportData.DailyCount c : daily) {
      LocalDate day = LocalDate.parse(c.day());
      int period =
          (int)
              (weekly ? ChronoUnit.WEEKS.between(start, day) : ChronoUnit.DAYS.between(start, day));
      int s = seriesIndex.getOrDefault(c.actionType(), series.size() - 1);
      values[s][period] += c.activities();
      totals[s] += c.activities();
    }
    return new ActivityChart(weekly, periods, series, values, totals);
  }

  /** The colour of series {@code s}. */
  String color(int s) {
    return series.get(s).equals(OTHER) ? OTHER_COLOR : PALETTE.get(s % PALETTE.size());
  }

  List<String> colors() {
    List<String> colors = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      colors.add(color(s));
    }
    return colors;
  }

  /** Axis labels: about ten, evenly spaced; the rest null. */
  List<String> labels() {
    int every = Math.max(1, (int) Math.ceil(periods.size() / 10.0));
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      labels.add(i % every == 0 ? SHORT.format(periods.get(i)) : null);
    }
    return labels;
  }

  /** Tooltip names of the columns: the day, or the week's first and last day. */
  List<String> titles() {
    List<String> titles = new ArrayList<>();
    for (LocalDate p : periods) {
      titles.add(weekly ? "week of " + p + " – " + p.plusDays(6) : p.toString());
    }
    return titles;
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
