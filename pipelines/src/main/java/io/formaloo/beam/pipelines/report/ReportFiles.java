package io.formaloo.beam.pipelines.report;

import io.formaloo.beam.pipelines.files.CsvText;
import io.formaloo.beam.pipelines.files.Locations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Writes the analytics' files: three CSV files and the HTML report, into one folder. */
public final class ReportFiles {
  public static final String DAILY_CSV = "activities_per_day.csv";
  public static final String BANDS_CSV = "customers_by_score_band.csv";
  public static final String TOP_CSV = "top_customers.csv";
  public static final String REPORT = "report.html";

  private ReportFiles() {}

  /** Writes every file (replacing earlier ones); answers where they are. */
  static List<ResourceId> write(ReportData data, ResourceId folder) throws IOException {
    List<ResourceId> written = new ArrayList<>();
    written.add(write(folder, DAILY_CSV, "text/csv", dailyCsv(data)));
    written.add(write(folder, BANDS_CSV, "text/csv", bandsCsv(data)));
    written.add(write(folder, TOP_CSV, "text/csv", topCsv(data)));
    written.add(write(folder, REPORT, "text/html", HtmlReport.render(data)));
    return written;
  }

  static String dailyCsv(ReportData data) {
    List<ReportData.DailyCount> rows = new ArrayList<>(data.daily());
    rows.sort(
        Comparator.comparing(ReportData.DailyCount::day)
            .thenComparing(ReportData.DailyCount::actionType));
    StringBuilder csv = new StringBuilder("day,action_type,activities\n");
    for (ReportData.DailyCount c : rows) {
      csv.append(CsvText.line(List.of(c.day(), c.actionType(), c.activities()))).append('\n');
    }
    return csv.toString();
  }

  static String bandsCsv(ReportData data) {
    StringBuilder csv = new StringBuilder("band,min_score,max_score,customers\n");
    for (ReportData.ScoreBand b : sortedBands(data.bands())) {
      csv.append(
              CsvText.line(
                  b.index() < 0
                      ? List.of(b.label(), "", "", b.customers())
                      : List.of(b.label(), b.from(), b.to(), b.customers())))
          .append('\n');
    }
    return csv.toString();
  }

  static String topCsv(ReportData data) {
    StringBuilder csv = new StringBuilder("rank,customer,full_name,email,activities\n");
    int rank = 1;
    for (ReportData.CustomerActivity c : data.top()) {
      List<Object> row = new ArrayList<>();
      row.add(rank++);
      row.add(c.customer());
      row.add(c.fullName());
      row.add(c.email());
      row.add(c.activities());
      csv.append(CsvText.line(row)).append('\n');
    }
    return csv.toString();
  }

  /** Bands by score, those without a score last. */
  static List<ReportData.ScoreBand> sortedBands(List<ReportData.ScoreBand> bands) {
    List<ReportData.ScoreBand> sorted = new ArrayList<>(bands);
    sorted.sort(
        Comparator.comparing((ReportData.ScoreBand b) -> b.index() < 0)
            .thenComparing(ReportData.ScoreBand::index));
    return sorted;
  }

  private static ResourceId write(ResourceId folder, String name, String mime, String content)
      throws IOException {
    ResourceId file = Locations.file(folder, name);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, mime))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
