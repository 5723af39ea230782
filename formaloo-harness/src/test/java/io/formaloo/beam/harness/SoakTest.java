package io.formaloo.beam.harness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.formaloo.beam.pipelines.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's shorter version ({@code scripts/soak} runs the long one): 5,000 customers and 10,000
 * activities, some of each repeated, backfilled and exported through an emulator with the soak's
 * faults, once for all the tests here.
 */
class SoakTest {
  private static final int CUSTOMERS = 5_000;
  private static final int ACTIVITIES = 10_000;

  /** A guard against a hung run, not a speed target: it takes about a minute on 2 cores. */
  private static final Duration TIME_LIMIT = Duration.ofMinutes(4);

  /** About 11,000 requests are needed: one per activity, a few per customer batch, retries. */
  private static final long MAX_REQUESTS = 30_000;

  @TempDir static Path dir;

  private static final List<String> breaches = new CopyOnWriteArrayList<>();
  private static Soak.Report report;
  private static String printed;

  @BeforeAll
  static void soak() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(out, true, StandardCharsets.UTF_8);
    Soak.Settings settings =
        new Soak.Settings(CUSTOMERS, ACTIVITIES, dir, TIME_LIMIT, MAX_REQUESTS, 7);
    // The guard reports a breach of the limits; this stops a run that would hang past them.
    report =
        assertTimeoutPreemptively(
            TIME_LIMIT.plusMinutes(1),
            () -> Soak.run(settings, new Terminal(terminal, terminal, Map.of()), breaches::add),
            () -> "the soak did not end; it printed:\n" + out.toString(StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
  }

  @Test
  void theEmulatorHoldsEachDistinctInputRecordOnceAndTheExportEqualsTheInput() {
    assertThat(printed, report.failures(), is(empty()));
    assertThat(report.checks().size(), is(10));
  }

  @Test
  void everyFaultHappenedDuringTheRun() {
    Map<Integer, Long> statuses = report.statuses();
    long serverErrors =
        statuses.getOrDefault(500, 0L)
            + statuses.getOrDefault(502, 0L)
            + statuses.getOrDefault(503, 0L);
    assertThat(printed, serverErrors, greaterThan(0L));
    assertThat(printed, statuses.getOrDefault(429, 0L), greaterThan(0L));
    // Status 0: the connection was dropped before the work.
    assertThat(printed, statuses.getOrDefault(0, 0L), greaterThan(0L));
    assertThat(printed, report.droppedAfterWork(), greaterThan(0L));
  }

  @Test
  void staysWithinItsTimeAndRequestBounds() {
    assertThat(breaches, is(empty()));
    assertThat(report.requests(), lessThanOrEqualTo(MAX_REQUESTS));
    assertThat(report.duration(), lessThan(TIME_LIMIT));
  }
}
