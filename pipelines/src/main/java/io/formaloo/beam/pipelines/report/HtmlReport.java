package io.formaloo.beam.pipelines.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analytics report as one self-contained HTML page: figures at a glance, then a chart per
 * question (activities over time by action type, customers by score band, the most active
 * customers), each with its numbers in a table beneath. Inline CSS and SVG only: nothing is
 * fetched, so the file can be mailed, archived or opened offline.
 */
final class HtmlReport {
  private static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f4f6f9; color: #1f2633;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        sans-serif; }
      main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 40px; }
      header h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: -0.01em; }
      header p { margin: 0; color: #5d6779; }
      .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 12px; margin: 22px 0; }
      .kpi { background: #fff; border-radius: 10px; padding: 14px 16px;
        box-shadow: 0 1px 2px rgba(16, 24, 40, .06); }
      .kpi .v { display: block; font-size: 24px; font-weight: 650; }
      .kpi .l { color: #5d6779; font-size: 12px; text-transform: uppercase;
        letter-spacing: .04em; }
      .card { background: #fff; border-radius: 10px; padding: 18px 20px 14px; margin-bottom: 16px;
        box-shadow: 0 1px 2px rgba(16, 24, 40, .06); }
      .card h2 { font-size: 16px; margin: 0 0 2px; }
      .card .note { margin: 0 0 10px; color: #5d6779; font-size: 12.5px; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
        gap: 16px; align-items: start; }
      .grid .card { margin-bottom: 0; }
      svg { width: 100%; height: auto; display: block; }
      .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 10px 0 4px;
        font-size: 12.5px; }
      .legend span { display: inline-flex; align-items: center; gap: 6px; }
      .legend i { width: 11px; height: 11px; border-radius: 2px; display: inline-block; }
      .legend b { font-weight: 600; color: #5d6779; }
      details { margin-top: 8px; font-size: 12.5px; }
      summary { cursor: pointer; color: #3b6fb6; }
      table { border-collapse: collapse; margin-top: 6px; width: 100%; }
      th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #eef0f4; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
      .empty { color: #5d6779; padding: 30px 0; text-align: center; }
      footer { color: #7a8395; font-size: 12px; margin-top: 22px; }
      """;

  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private HtmlReport() {}

  static String render(ReportData data) {
    ActivityChart chart = ActivityChart.of(data.daily());
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Formaloo activity report</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(html, data);
    kpis(html, data);
    activities(html, chart, data);
    html.append("<div class=\"grid\">\n");
    scoreBands(html, data);
    topCustomers(html, data);
    html.append("</div>\n");
    html.append("<footer>Made by the FormalooIO analytics pipeline. The figures are also in ")
        .append(ReportFiles.DAILY_CSV)
        .append(", ")
        .append(ReportFiles.BANDS_CSV)
        .append(" and ")
        .append(ReportFiles.TOP_CSV)
        .append(", beside this file.</footer>\n");
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void header(StringBuilder html, ReportData data) {
    html.append("<header><h1>Customer activity report</h1><p>")
        .append(Html.escape(data.source()))
        .append(" · ")
        .append(
            Html.escape(data.window() == null ? "all activities" : "activities " + data.window()))
        .append(" · generated ")
        .append(Html.escape(data.generatedAt()))
        .append("</p></header>\n");
  }

  private static void kpis(StringBuilder html, ReportData data) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("customers", String.format("%,d", data.customers()));
    figures.put("activities", String.format("%,d", data.activities()));
    Map<String, Long> perDay = new TreeMap<>();
    Map<String, Long> perType = new TreeMap<>();
    for (ReportData.DailyCount c : data.daily()) {
      perDay.merge(c.day(), c.activities(), Long::sum);
      perType.merge(c.actionType(), c.activities(), Long::sum);
    }
    figures.put("action types", String.format("%,d", perType.size()));
    figures.put("active days", String.format("%,d", perDay.size()));
    if (!perDay.isEmpty()) {
      long dated = perDay.values().stream().mapToLong(Long::longValue).sum();
      figures.put("per active day", String.format("%,.1f", (double) dated / perDay.size()));
      Map.Entry<String, Long> busiest =
          perDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      figures.put(
          "busiest day, " + SHORT_DAY.format(LocalDate.parse(busiest.getKey())),
          String.format("%,d", busiest.getValue()));
    }
    html.append("<section class=\"kpis\">");
    figures.forEach(
        (label, value) ->
            html.append("<div class=\"kpi\"><span class=\"v\">")
                .append(Html.escape(value))
                .append("</span><span class=\"l\">")
                .append(Html.escape(label))
                .append("</span></div>"));
    html.append("</section>\n");
  }

  private static void activities(StringBuilder html, ActivityChart chart, ReportData data) {
    html.append("<section class=\"card\"><h2>Activities per ")
        .append(chart.weekly() ? "week" : "day")
        .append(", by action type</h2><p class=\"note\">")
        .append(
            chart.weekly()
                ? "Each column is a week, from Monday, UTC."
                : "Each column is a day, UTC.")
        .append(" Hover a column for its figures.</p>");
    if (chart.periods().isEmpty()) {
      html.append("<p class=\"empty\">No dated activities.</p></section>\n");
      return;
    }
    html.append(
        SvgCharts.stackedColumns(
            chart.labels(), chart.titles(), chart.series(), chart.colors(), chart.values()));
    html.append("<div class=\"legend\">");
    for (int s = 0; s < chart.series().size(); s++) {
      html.append("<span><i style=\"background:")
          .append(chart.color(s))
          .append("\"></i>")
          .append(Html.escape(chart.series().get(s)))
          .append(" <b>")
          .append(String.format("%,d", chart.totals()[s]))
          .append("</b></span>");
    }
    html.append("</div>");
    List<ReportData.DailyCount> rows = new ArrayList<>(data.daily());
    rows.sort(
        Comparator.comparing(ReportData.DailyCount::day)
            .thenComparing(ReportData.DailyCount::actionType));
    html.append("<details><summary>The figures, per day (")
        .append(String.format("%,d", rows.size()))
        .append(" rows)</summary><table><tr><th>day</th><th>action type</th>")
        .append("<th class=\"n\">activities</th></tr>");
    for (ReportData.DailyCount c : rows) {
      html.append("<tr><td>")
          .append(c.day())
          .append("</td><td>")
          .append(Html.escape(c.actionType()))
          .append("</td><td class=\"n\">")
          .append(String.format("%,d", c.activities()))
          .append("</td></tr>");
    }
    html.append("</table></details></section>\n");
  }

  private static void scoreBands(StringBuilder html, ReportData data) {
    List<ReportData.ScoreBand> bands = ReportFiles.sortedBands(data.bands());
    html.append("<section class=\"card\"><h2>Customers by score band</h2>")
        .append("<p class=\"note\">How many customers have a score in each band.</p>");
    if (bands.isEmpty()) {
      html.append("<p class=\"empty\">No customers.</p></section>\n");
      return;
    }
    List<String> labels = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    long[] values = new long[bands.size()];
    for (int i = 0; i < bands.size(); i++) {
      labels.add(bands.get(i).label());
      colors.add(bands.get(i).index() < 0 ? ActivityChart.OTHER_COLOR : "#4e79a7");
      values[i] = bands.get(i).customers();
    }
    html.append(SvgCharts.columns(labels, values, colors, "customers"));
    html.append("<details><summary>The figures</summary><table><tr><th>score</th>")
        .append("<th class=\"n\">customers</th></tr>");
    for (ReportData.ScoreBand b : bands) {
      html.append("<tr><td>")
          .append(Html.escape(b.label()))
          .append("</td><td class=\"n\">")
          .append(String.format("%,d", b.customers()))
          .append("</td></tr>");
    }
    html.append("</table></details></section>\n");
  }

  private static void topCustomers(StringBuilder html, ReportData data) {
    List<ReportData.CustomerActivity> top = data.top();
    html.append("<section class=\"card\"><h2>Most active customers</h2>")
        .append("<p class=\"note\">The ")
        .append(top.size())
        .append(" customers with the most activities.</p>");
    if (top.isEmpty()) {
      html.append("<p class=\"empty\">No activities with a customer.</p></section>\n");
      return;
    }
    List<String> labels = new ArrayList<>();
    List<String> tooltips = new ArrayList<>();
    long[] values = new long[top.size()];
    for (int i = 0; i < top.size(); i++) {
      ReportData.CustomerActivity c = top.get(i);
      labels.add(c.label());
      tooltips.add(
          c.label()
              + (c.email() != null ? " <" + c.email() + ">" : "")
              + " · "
              + c.customer()
              + ": "
              + String.format("%,d", c.activities())
              + " activities");
      values[i] = c.activities();
    }
    html.append(SvgCharts.bars(labels, tooltips, values, "#59a14f"));
    html.append("<details><summary>The figures</summary><table><tr><th>#</th><th>customer</th>")
        .append("<th>email</th><th class=\"n\">activities</th></tr>");
    for (int i = 0; i < top.size(); i++) {
      ReportData.CustomerActivity c = top.get(i);
      html.append("<tr><td>")
          .append(i + 1)
          .append("</td><td>")
          .append(Html.escape(c.label()))
          .append("</td><td>")
          .append(Html.escape(c.email() == null ? "" : c.email()))
          .append("</td><td class=\"n\">")
          .append(String.format("%,d", c.activities()))
          .append("</td></tr>");
    }
    html.append("</table></details></section>\n");
  }
}
