package io.formaloo.beam.pipelines.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.export.Export;
import io.formaloo.beam.pipelines.export.ExportOptions;
import io.formaloo.beam.pipelines.testing.Runs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress lines during a run of several seconds on the Direct runner: the request count moves
 * every interval, although the Direct runner commits the read's metrics only as bundles end.
 */
class ProgressLinesTest {
  private static final Pattern REQUESTS =
      Pattern.compile("^\\[export [0-9:]+\\] .*?([0-9,]+) requests  ([0-9.]+) requests/s");

  @TempDir Path dir;

  @Test
  void requestCountsMoveEveryIntervalWhileTheReadRuns() {
    // 1,500 customers in pages of 10, each answered after 40 ms, at most 40 pages a second: a
    // read of several seconds however warm the JVM's rate controller already is (an earlier test
    // of this JVM may have left one for this base URL at hundreds a second).
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(1_500)
                .defaultPageSize(10)
                .maxPageSize(10)
                .faults(Faults.builder().latency(Duration.ofMillis(40), Duration.ZERO).build())
                .build())) {
      Runs.Run run =
          Runs.run(
              Export.NAME,
              ExportOptions.class,
              Export::run,
              Runs.environment(emulator),
              "--formalooBaseUrl=" + emulator.baseUrl(),
              "--formalooBusiness=" + emulator.business(),
              "--progressIntervalSeconds=1",
              "--maxRequestsPerSecond=40",
              "--entities=customers",
              "--outputDir=" + dir);
      assertThat(run.printed(), run.exitCode(), is(0));

      List<Long> counts = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      for (String line : run.out().split("\n")) {
        Matcher m = REQUESTS.matcher(line);
        if (m.find()) {
          counts.add(Long.parseLong(m.group(1).replace(",", "")));
          rates.add(Double.parseDouble(m.group(2)));
        }
      }
      assertThat(run.out(), counts.size(), greaterThanOrEqualTo(3));
      // Every line but the last (which may come after the read ended) has more than the one
      // before it, and a rate above zero.
      for (int i = 1; i < counts.size() - 1; i++) {
        assertThat(run.out(), counts.get(i), greaterThan(counts.get(i - 1)));
        assertThat(run.out(), rates.get(i), greaterThan(0.0));
      }
    }
  }
}
