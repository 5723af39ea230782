package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.cli.CommandLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

  @Test
  void flagsBecomeTheConfig() {
    EmulatorConfig config =
        EmulatorMain.parse(
            new String[] {
              "--customers=100",
              "--activities=500",
              "--port=8089",
              "--latencyMs=20",
              "--jitterMs=5",
              "--rate=50",
              "--retryAfter=http_date",
              "--errorRate=0.05",
              "--dropRate=0.01",
              "--dropAfterCommitRate=0.02",
              "--envelope",
              "--tokenLifetimeSeconds=10",
              "--insertsPerList=1",
              "--deletesPerList=2"
            });
    assertThat(config.seedCustomers(), is(100));
    assertThat(config.seedActivities(), is(500));
    assertThat(config.port(), is(8089));
    assertThat(config.tokenLifetime(), is(Duration.ofSeconds(10)));
    Faults f = config.faults();
    assertThat(f.latency(), is(Duration.ofMillis(20)));
    assertThat(f.latencyJitter(), is(Duration.ofMillis(5)));
    assertThat(f.rateLimitPerSecond(), is(50.0));
    assertThat(f.retryAfterMode(), is(Faults.RetryAfterMode.HTTP_DATE));
    assertThat(f.errorRate(), is(0.05));
    assertThat(f.dropRate(), is(0.01));
    assertThat(f.dropAfterCommitRate(), is(0.02));
    assertThat(f.envelope(), is(true));
    assertThat(f.insertsPerListRequest(), is(1));
    assertThat(f.deletesPerListRequest(), is(2));
  }

  @Test
  void anUnknownFlagIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--nope=1"}));
    assertThat(e.getMessage(), containsString("--nope"));
  }

  @Test
  void theOldSpaceSeparatedDialectIsRefusedNamingTheWayItIsWritten() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--customers", "100"}));
    assertThat(e.getMessage(), containsString("options are --name=value"));
  }

  @Test
  void helpListsEveryOptionAndEndsWell() throws Exception {
    Process p = emulatorProcess("--help");
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(), is(0));
    assertThat(printed, containsString("--latencyMs=0"));
    assertThat(printed, containsString("--serverPageSize"));
  }

  @Test
  void aWrongOptionEndsTheProcessWithAUsageError() throws Exception {
    Process p = emulatorProcess("--customers=many");
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(), is(CommandLine.USAGE));
    assertThat(printed, containsString("emulator: --customers: cannot read \"many\""));
  }

  /** The emulator's main in a JVM of its own, as scripts/emulator runs it. */
  private static Process emulatorProcess(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmulatorMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void aBadValueNamesItsFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--customers=many"}));
    assertThat(e.getMessage(), containsString("--customers"));
  }

  @Test
  void anOutOfRangeProbabilityIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--errorRate=1.5"}));
    assertThat(e.getMessage(), containsString("errorRate"));
  }
}
