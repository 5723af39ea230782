package io.formaloo.beam.pipelines.export;

import static io.formaloo.beam.pipelines.export.WarehouseExportTest.assertTablesHoldTheApi;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.TableContent;
import io.formaloo.beam.pipelines.testing.Warehouses;
import io.formaloo.beam.pipelines.testing.Warehouses.Kind;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --incremental} into real databases: what a second run reads, what it writes, what moves
 * the bookmark and what does not.
 */
class IncrementalWarehouseExportTest {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  /** The first run's day: three days ago, so that the window of the next run is seen to move. */
  static final LocalDate FIRST_RUN = TODAY.minusDays(3);

  private static final Pattern CREATED_AT = Pattern.compile("[?&]created_at=([0-9-]+)");

  @RegisterExtension
  final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder()
              .seedCustomers(120)
              .seedActivities(600)
              .seedDates(TODAY.minusDays(10), TODAY));

  @TempDir Path dir;

  @AfterEach
  void realClock() {
    IncrementalWindow.clock = Clock.systemUTC();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aSecondRunReadsTheDaysFromTheBookmarkMinusTheLookbackAndEndsExact(Kind kind)
      throws Exception {
    String url = Warehouses.create(kind, dir);
    firstRun(url);
    Changes changes = change(formaloo.emulator());
    formaloo.emulator().resetRequestLog();

    Runs.Run second = export(url, "--incremental");

    assertThat(second.printed(), second.exitCode(), is(0));
    assertThat(activityDaysRead(formaloo.emulator()), is(days(FIRST_RUN.minusDays(2), TODAY)));
    assertTablesHoldTheApi(formaloo.emulator(), url);
    assertThat(deletedCodes(url), is(changes.deleted()));
    assertThat(bookmark(url), is(List.of(TODAY.toString())));
    assertThat(second.out(), containsString("customers gone from the API, marked deleted_at: 3"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRunThatFailsMidwayLeavesTheBookmarkAndTheRerunEndsExact(Kind kind) throws Exception {
    String url = Warehouses.create(kind, dir);
    firstRun(url);
    List<String> bookmarkBefore =
        TableContent.column(
            url,
            "SELECT CAST(bookmark AS VARCHAR) || ' ' || CAST(completed_at AS VARCHAR) FROM formaloo_sync_state");
    Changes changes = change(formaloo.emulator());
    formaloo.emulator().setFaults(Faults.builder().failAfterRequests(12).build());

    Runs.Run failed = export(url, "--incremental", "--formalooMaxAttempts=2");

    assertThat(failed.printed(), failed.exitCode(), is(1));
    assertThat(
        TableContent.column(
            url,
            "SELECT CAST(bookmark AS VARCHAR) || ' ' || CAST(completed_at AS VARCHAR) FROM formaloo_sync_state"),
        is(bookmarkBefore));
    assertThat("no customer marked deleted by an incomplete read", deletedCodes(url), is(Set.of()));

    formaloo.emulator().setFaults(Faults.none());
    Runs.Run rerun = export(url, "--incremental");

    assertThat(rerun.printed(), rerun.exitCode(), is(0));
    assertTablesHoldTheApi(formaloo.emulator(), url);
    assertThat(deletedCodes(url), is(changes.deleted()));
    assertThat(bookmark(url), is(List.of(TODAY.toString())));
  }

  /** A first incremental run, as if three days ago: it reads everything. */
  private void firstRun(String url) throws Exception {
    IncrementalWindow.clock =
        Clock.fixed(FIRST_RUN.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    Runs.Run first = export(url, "--incremental");
    IncrementalWindow.clock = Clock.systemUTC();
    assertThat(first.printed(), first.exitCode(), is(0));
    assertThat(first.out(), containsString("activities: 600 records"));
    assertThat(bookmark(url), is(List.of(FIRST_RUN.toString())));
  }

  /** The customers deleted from the API. */
  record Changes(Set<String> deleted) {}

  /**
   * What happens in the CDP between two nightly runs: activities that happened long ago but are
   * recorded now, activities of today, customers changed and customers deleted.
   */
  static Changes change(FormalooEmulator emulator) throws Exception {
    List<String> codes = emulator.customerCodes();
    try (FormalooClient client =
        FormalooClient.create(FormalooEmulatorExtension.configFor(emulator).build())) {
      for (int i = 0; i < 10; i++) {
        Instant happened = i % 2 == 0 ? Instant.parse("2025-01-15T10:00:00Z") : Instant.now();
        client.createActivity(
            Activity.builder()
                .setAction(ActivityAction.ofSlug("login"))
                .setCustomer(ActivityCustomer.builder().setCode(codes.get(i)).build())
                .setDescription("late activity " + i)
                .setActivityDate(happened)
                .setSlug("incremental-" + i)
                .build());
      }
      for (int i = 10; i < 15; i++) {
        client.updateCustomer(codes.get(i), Customer.builder().setScore(999).build());
      }
      Set<String> deleted = new HashSet<>(codes.subList(20, 23));
      for (String code : deleted) {
        client.deleteCustomer(code);
      }
      return new Changes(deleted);
    }
  }

  /**
   * The {@code created_at} days of every activities list request, or "none" for a request of all.
   */
  static Set<String> activityDaysRead(FormalooEmulator emulator) {
    Set<String> days = new TreeSet<>();
    for (RequestLogEntry entry : emulator.requestLog()) {
      if (entry.endpoint().equals("GET /activities")) {
        Matcher day = CREATED_AT.matcher(entry.path());
        days.add(day.find() ? day.group(1) : "none");
      }
    }
    return days;
  }

  static Set<String> days(LocalDate from, LocalDate to) {
    Set<String> days = new TreeSet<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d.toString());
    }
    return days;
  }

  static Set<String> deletedCodes(String url) throws Exception {
    return new HashSet<>(
        TableContent.column(url, "SELECT code FROM customers WHERE deleted_at IS NOT NULL"));
  }

  static List<String> bookmark(String url) throws Exception {
    List<String> values =
        new ArrayList<>(
            new TreeSet<>(
                TableContent.column(
                    url, "SELECT CAST(bookmark AS VARCHAR) FROM formaloo_sync_state")));
    return values;
  }

  private Runs.Run export(String url, String... more) {
    List<String> args =
        new ArrayList<>(List.of("--warehouse=" + url, "--deadLetterDir=" + dir.resolve("dead")));
    args.addAll(List.of(more));
    return Runs.export(formaloo.emulator(), args.toArray(new String[0]));
  }
}
