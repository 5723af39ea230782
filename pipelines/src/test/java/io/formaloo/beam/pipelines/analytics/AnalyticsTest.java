package io.formaloo.beam.pipelines.analytics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.report.ReportFiles;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsTest {
  private static FormalooEmulator emulator;
  @TempDir static Path exports;

  @TempDir Path dir;

  @BeforeAll
  static void startEmulatorAndExport() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(150)
                .seedActivities(900)
                .seedDates(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 21))
                .build());
    for (String format : List.of("jsonl", "avro", "parquet")) {
      Runs.Run run =
          Runs.export(
              emulator,
              "--outputDir=" + exports.resolve(format),
              "--format=" + format,
              "--entities=customers,activities");
      assertThat(run.printed(), run.exitCode(), is(0));
    }
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void countsActivitiesPerDayAndTypeCustomersPerBandAndTheMostActive() throws IOException {
    Runs.Run run =
        Runs.analytics(
            emulator,
            "--inputDir=" + exports.resolve("jsonl"),
            "--outputDir=" + dir,
            "--topCustomers=5");

    assertThat(run.printed(), run.exitCode(), is(0));
    List<Activity> activities =
        Outputs.records(exports.resolve("jsonl"), "activities", Activity.class);
    List<Customer> customers =
        Outputs.records(exports.resolve("jsonl"), "customers", Customer.class);

    Map<String, Long> perDayAndType =
        activities.stream()
            .collect(
                Collectors.groupingBy(
                    a -> ActivityFacts.day(a) + "," + a.getAction().getTitle(),
                    TreeMap::new,
                    Collectors.counting()));
    List<String> expectedDaily =
        perDayAndType.entrySet().stream()
            .map(e -> e.getKey() + "," + e.getValue())
            .collect(Collectors.toList());
    assertThat(csvRows(dir.resolve(ReportFiles.DAILY_CSV)), is(expectedDaily));

    Map<Integer, Long> perBand =
        customers.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.getScore() / 100, TreeMap::new, Collectors.counting()));
    List<String> expectedBands =
        perBand.entrySet().stream()
            .map(
                e -> {
                  int from = e.getKey() * 100;
                  return from
                      + "–"
                      + (from + 99)
                      + ","
                      + from
                      + ","
                      + (from + 99)
                      + ","
                      + e.getValue();
                })
            .collect(Collectors.toList());
    assertThat(csvRows(dir.resolve(ReportFiles.BANDS_CSV)), is(expectedBands));

    Map<String, Long> perCustomer =
        activities.stream()
            .collect(Collectors.groupingBy(a -> a.getCustomer().getCode(), Collectors.counting()));
    List<Long> expectedTop =
        perCustomer.values().stream()
            .sorted(Comparator.reverseOrder())
            .limit(5)
            .collect(Collectors.toList());
    List<String> top = csvRows(dir.resolve(ReportFiles.TOP_CSV));
    assertThat(
        top.stream()
            .map(row -> Long.parseLong(row.substring(row.lastIndexOf(',') + 1)))
            .collect(Collectors.toList()),
        is(expectedTop));
    assertThat(top.get(0), containsString("@example.com"));
    assertThat(run.out(), containsString("analysed 150 customers and 900 activities"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"avro", "parquet"})
  void readsEveryExportFormatAlike(String format) throws IOException {
    Runs.Run jsonl =
        Runs.analytics(
            emulator, "--inputDir=" + exports.resolve("jsonl"), "--outputDir=" + dir.resolve("a"));
    Runs.Run other =
        Runs.analytics(
            emulator, "--inputDir=" + exports.resolve(format), "--outputDir=" + dir.resolve("b"));

    assertThat(jsonl.printed(), jsonl.exitCode(), is(0));
    assertThat(other.printed(), other.exitCode(), is(0));
    for (String csv : List.of(ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV)) {
      assertThat(
          csv,
          Files.readString(dir.resolve("b").resolve(csv)),
          is(Files.readString(dir.resolve("a").resolve(csv))));
    }
  }

  @Test
  void readsStraightFromTheApiToo() throws IOException {
    Runs.Run fromExport =
        Runs.analytics(
            emulator, "--inputDir=" + exports.resolve("jsonl"), "--outputDir=" + dir.resolve("a"));
    Runs.Run fromApi = Runs.analytics(emulator, "--outputDir=" + dir.resolve("b"));

    assertThat(fromApi.printed(), fromApi.exitCode(), is(0));
    for (String csv : List.of(ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV)) {
      assertThat(
          csv,
          Files.readString(dir.resolve("b").resolve(csv)),
          is(Files.readString(dir.resolve("a").resolve(csv))));
    }
    assertThat(fromApi.out(), containsString("API requests"));
    assertThat(fromExport.out(), not(containsString("API requests")));
  }

  @Test
  void sinceAndUntilKeepTheActivitiesOfThoseDays() throws IOException {
    Runs.Run run =
        Runs.analytics(
            emulator,
            "--inputDir=" + exports.resolve("jsonl"),
            "--outputDir=" + dir,
            "--since=2026-05-04",
            "--until=2026-05-06");

    assertThat(run.printed(), run.exitCode(), is(0));
    List<String> days =
        csvRows(dir.resolve(ReportFiles.DAILY_CSV)).stream()
            .map(row -> row.substring(0, row.indexOf(',')))
            .collect(Collectors.toList());
    assertThat(days.isEmpty(), is(false));
    assertThat(days, everyItem(greaterThanOrEqualTo("2026-05-04")));
    assertThat(days, everyItem(lessThanOrEqualTo("2026-05-06")));
  }

  @Test
  void theReportIsOnePageThatNeedsNothingElse() throws IOException {
    Runs.Run run =
        Runs.analytics(emulator, "--inputDir=" + exports.resolve("jsonl"), "--outputDir=" + dir);

    assertThat(run.printed(), run.exitCode(), is(0));
    String html = Files.readString(dir.resolve(ReportFiles.REPORT));
    assertThat(html, containsString("<!DOCTYPE html>"));
    assertThat(html.split("<svg ", -1).length - 1, is(3));
    assertThat(html, containsString("Customers by score band"));
    assertThat(html, containsString("Most active customers"));
    // Nothing to fetch: no scripts, no external style sheets, images or fonts. (The only URL is
    // the SVG namespace, which names and does not fetch.)
    assertThat(html, not(containsString("<script")));
    assertThat(html, not(containsString("<link")));
    assertThat(html, not(containsString("src=")));
    assertThat(html, not(containsString("url(")));
    assertThat(html, not(containsString("@import")));
    assertThat(
        html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""), not(containsString("http")));
  }

  /** A CSV file's rows, without its header. */
  private static List<String> csvRows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.subList(1, lines.size());
  }
}
