package io.formaloo.beam.pipelines.export;

import static io.formaloo.beam.pipelines.export.IncrementalWarehouseExportTest.activityDaysRead;
import static io.formaloo.beam.pipelines.export.IncrementalWarehouseExportTest.change;
import static io.formaloo.beam.pipelines.export.IncrementalWarehouseExportTest.days;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.files.WriteRecordFiles;
import io.formaloo.beam.pipelines.testing.ApiContent;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --outputDir=... --incremental}: the bookmark in a state file beside the entities' folders,
 * activities in a folder per day of {@code created_at}.
 */
class IncrementalFileExportTest {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final LocalDate FIRST_RUN = TODAY.minusDays(3);

  @RegisterExtension
  final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder()
              .seedCustomers(100)
              .seedActivities(500)
              .seedDates(TODAY.minusDays(10), TODAY));

  @TempDir Path dir;

  @AfterEach
  void realClock() {
    IncrementalWindow.clock = Clock.systemUTC();
  }

  @Test
  void eachDayFolderHoldsExactlyTheActivitiesCreatedThatDayAfterEveryRun() throws Exception {
    IncrementalWindow.clock =
        Clock.fixed(FIRST_RUN.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    Runs.Run first = export("--incremental");
    IncrementalWindow.clock = Clock.systemUTC();
    assertThat(first.printed(), first.exitCode(), is(0));
    assertThat(bookmark(), is(FIRST_RUN.toString()));
    assertThat(
        partitions(),
        is(byCreatedDay(ApiContent.all(formaloo.emulator(), ListEndpoint.ACTIVITIES))));

    List<Activity> before = ApiContent.all(formaloo.emulator(), ListEndpoint.ACTIVITIES);
    change(formaloo.emulator());
    formaloo.emulator().resetRequestLog();
    Runs.Run second = export("--incremental");

    assertThat(second.printed(), second.exitCode(), is(0));
    assertThat(activityDaysRead(formaloo.emulator()), is(days(FIRST_RUN.minusDays(2), TODAY)));
    assertThat(bookmark(), is(TODAY.toString()));
    // The days read again hold the API's activities of those days now; older days what they had.
    String firstDayRead = FIRST_RUN.minusDays(2).toString();
    Map<String, Set<String>> expected = byCreatedDay(before);
    expected.keySet().removeIf(day -> day.compareTo(firstDayRead) >= 0);
    byCreatedDay(ApiContent.all(formaloo.emulator(), ListEndpoint.ACTIVITIES))
        .forEach(
            (day, slugs) -> {
              if (day.compareTo(firstDayRead) >= 0) {
                expected.put(day, slugs);
              }
            });
    assertThat(partitions(), is(expected));
    assertThat(
        Outputs.records(dir, "customers", Customer.class).stream()
            .map(Customer::getCode)
            .collect(Collectors.toSet()),
        is(new HashSet<>(formaloo.emulator().customerCodes())));
  }

  @Test
  void aRunThatFailsMidwayLeavesTheStateFile() throws Exception {
    assertThat(export("--incremental").exitCode(), is(0));
    String state = Files.readString(dir.resolve(FileSyncState.FILE));
    formaloo.emulator().setFaults(Faults.builder().failAfterRequests(4).build());

    Runs.Run failed = export("--incremental", "--formalooMaxAttempts=2");

    assertThat(failed.printed(), failed.exitCode(), is(1));
    assertThat(Files.readString(dir.resolve(FileSyncState.FILE)), is(state));
  }

  private Runs.Run export(String... more) {
    String[] args =
        Stream.concat(Stream.of("--outputDir=" + dir), Stream.of(more)).toArray(String[]::new);
    return Runs.export(formaloo.emulator(), args);
  }

  private String bookmark() throws Exception {
    return ModelJson.newObjectMapper()
        .readTree(dir.resolve(FileSyncState.FILE).toFile())
        .path("bookmarks")
        .path("activities")
        .asText();
  }

  /** The slugs in each {@code activities/created_date=DAY/} folder. */
  private Map<String, Set<String>> partitions() throws Exception {
    Map<String, Set<String>> days = new TreeMap<>();
    try (Stream<Path> folders = Files.list(dir.resolve("activities"))) {
      for (Path folder :
          folders
              .filter(f -> f.getFileName().toString().startsWith(WriteRecordFiles.DAY_PARTITION))
              .toList()) {
        String day = folder.getFileName().toString().replace(WriteRecordFiles.DAY_PARTITION, "");
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            for (String line : Files.readAllLines(file)) {
              slugs.add(ModelJson.parse(line, Activity.class).getSlug());
            }
          }
        }
        days.put(day, slugs);
      }
    }
    return days;
  }

  private static Map<String, Set<String>> byCreatedDay(List<Activity> activities) {
    Map<String, Set<String>> days = new TreeMap<>();
    for (Activity a : activities) {
      String day =
          java.time.Instant.ofEpochMilli(a.getCreatedAt().getMillis())
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .toString();
      days.computeIfAbsent(day, d -> new TreeSet<>()).add(a.getSlug());
    }
    return days;
  }
}
