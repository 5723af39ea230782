package io.formaloo.beam.pipelines.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no font or stylesheet to fetch, so the report is
 * one file that opens anywhere. Every chart scales to its container ({@code viewBox}); every bar
 * has a tooltip ({@code <title>}) with its exact figure.
 */
final class SvgCharts {
  static final String AXIS = "#8a94a6";
  static final String GRID = "#e6e9ef";
  static final String TEXT = "#3d4555";

  private SvgCharts() {}

  /**
   * Stacked columns: one column per x, one colour per series.
   *
   * @param xLabels the columns' axis labels ({@code null} to leave one unlabelled)
   * @param xTitles the columns' names in tooltips
   * @param series the series' names, bottom first
   * @param colors a colour per series
   * @param values {@code values[s][x]}
   */
  static String stackedColumns(
      List<String> xLabels,
      List<String> xTitles,
      List<String> series,
      List<String> colors,
      long[][] values) {
    int width = 960;
    int height = 320;
    int left = 56;
    int right = 12;
    int top = 14;
    int bottom = 34;
    int n = xTitles.size();
    long largest = 0;
    for (int x = 0; x < n; x++) {
      long total = 0;
      for (long[] s : values) {
        total += s[x];
      }
      largest = Math.max(largest, total);
    }
    Scale scale = Scale.upTo(largest, 5);
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    double band = plotW / Math.max(1, n);
    double barW = band >= 4 ? band * 0.78 : band;
    StringBuilder svg = open(width, height, "Activities per period, by action type");
    yAxis(svg, scale, left, width - right, top, plotH);
    for (int x = 0; x < n; x++) {
      double y = top + plotH;
      double cx = left + band * x + (band - barW) / 2;
      for (int s = 0; s < series.size(); s++) {
        long v = values[s][x];
        if (v == 0) {
          continue;
        }
        double h = plotH * v / scale.max();
        y -= h;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
                    + "<title>%s · %s: %,d</title></rect>",
                cx,
                y,
                barW,
                h,
                colors.get(s),
                Html.escape(xTitles.get(x)),
                Html.escape(series.get(s)),
                v));
      }
    }
    for (int x = 0; x < n; x++) {
      String label = xLabels.get(x);
      if (label == null) {
        continue;
      }
      double cx = left + band * x + band / 2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>",
              cx,
              top + plotH,
              cx,
              top + plotH + 4,
              AXIS));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%s"
                  + "</text>",
              cx,
              top + plotH + 19,
              TEXT,
              Html.escape(label)));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Columns with their values on top.
   *
   * @param labels the columns' labels, under them
   * @param values their heights
   * @param colors a colour per column
   * @param unit what a value counts, for tooltips (e.g. {@code customers})
   */
  static String columns(List<String> labels, long[] values, List<String> colors, String unit) {
    int width = 520;
    int left = 48;
    int right = 8;
    int top = 22;
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    int n = labels.size();
    // About 6.5 px a character at 11 px: labels that do not fit under their column are slanted.
    boolean slanted = longest * 6.5 > (width - 56.0) / Math.max(1, n) - 4;
    int bottom = slanted ? 34 + (int) (longest * 4.2) : 34;
    int height = 262 + bottom;
    long largest = 0;
    for (long v : values) {
      largest = Math.max(largest, v);
    }
    Scale scale = Scale.upTo(largest, 4);
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    double band = plotW / Math.max(1, n);
    double barW = band * 0.72;
    StringBuilder svg = open(width, height, "Customers by score band");
    yAxis(svg, scale, left, width - right, top, plotH);
    for (int i = 0; i < n; i++) {
      double h = plotH * values[i] / scale.max();
      double x = left + band * i + (band - barW) / 2;
      double y = top + plotH - h;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"2\" fill=\"%s\">"
                  + "<title>%s: %,d %s</title></rect>",
              x,
              y,
              barW,
              h,
              colors.get(i),
              Html.escape(labels.get(i)),
              values[i],
              unit));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%s"
                  + "</text>",
              x + barW / 2,
              y - 5,
              TEXT,
              Scale.label(values[i])));
      double lx = x + barW / 2;
      double ly = top + plotH + 16;
      svg.append(
          slanted
              ? String.format(
                  Locale.ROOT,
                  "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\""
                      + " transform=\"rotate(-35 %.2f %.2f)\">%s</text>",
                  lx,
                  ly,
                  TEXT,
                  lx,
                  ly,
                  Html.escape(labels.get(i)))
              : String.format(
                  Locale.ROOT,
                  "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" font-size=\"11\""
                      + " fill=\"%s\">%s</text>",
                  lx,
                  ly,
                  TEXT,
                  Html.escape(labels.get(i))));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Horizontal bars, one row each, label on the left and value at the bar's end.
   *
   * @param labels the rows' labels
   * @param tooltips the rows' tooltips
   * @param values the bars' lengths
   * @param color the bars' colour
   */
  static String bars(List<String> labels, List<String> tooltips, long[] values, String color) {
    int width = 520;
    int row = 24;
    int top = 6;
    int labelW = 178;
    int right = 52;
    int n = labels.size();
    int height = top * 2 + row * Math.max(1, n);
    long largest = 1;
    for (long v : values) {
      largest = Math.max(largest, v);
    }
    double plotW = width - labelW - right;
    StringBuilder svg = open(width, height, "Customers with the most activities");
    for (int i = 0; i < n; i++) {
      double y = top + row * i;
      double w = Math.max(1, plotW * values[i] / largest);
      svg.append(
          String.format(
              Locale.ROOT,
              "<g><title>%s</title>"
                  + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">%s"
                  + "</text>"
                  + "<rect x=\"%d\" y=\"%.2f\" width=\"%.2f\" height=\"%d\" rx=\"2\" fill=\"%s\"/>"
                  + "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" fill=\"%s\">%,d</text></g>",
              Html.escape(tooltips.get(i)),
              labelW - 8,
              y + row * 0.66,
              TEXT,
              Html.escape(Html.shorten(labels.get(i), 26)),
              labelW,
              y + 4,
              w,
              row - 8,
              color,
              labelW + w + 6,
              y + row * 0.66,
              TEXT,
              values[i]));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(int width, int height, String label) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
                    + " aria-label=\"%s\" font-family=\"inherit\">",
                width,
                height,
                Html.escape(label)));
  }

  /** Horizontal grid lines at the ticks, with their values on the left. */
  private static void yAxis(
      StringBuilder svg, Scale scale, int left, int right, int top, double plotH) {
    for (long tick : scale.ticks()) {
      double y = top + plotH - plotH * tick / scale.max();
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"%s\"/>",
              left,
              y,
              right,
              y,
              tick == 0 ? AXIS : GRID));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">%s</text>",
              left - 8,
              y + 4,
              TEXT,
              Scale.label(tick)));
    }
  }
}
