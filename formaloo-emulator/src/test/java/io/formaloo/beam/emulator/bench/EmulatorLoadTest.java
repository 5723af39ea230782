package io.formaloo.beam.emulator.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.cli.CommandLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** scripts/bench-emulator's command line: the pipelines' --name=value dialect. */
class EmulatorLoadTest {

  @Test
  void optionsBecomeTheSettings() {
    EmulatorLoad.Options o =
        EmulatorLoad.Options.parse(
            new String[] {
              "--concurrency=4",
              "--requests=1000",
              "--warmup=0",
              "--customers=50",
              "--serverThreads=2",
              "--minRps=10",
              "--maxSeconds=5",
              "--baseUrl=http://127.0.0.1:8080/v1.0/",
              "--apiKey=K",
              "--apiSecret=S",
              "--business=B"
            });
    assertThat(o.concurrency, is(4));
    assertThat(o.requests, is(1000));
    assertThat(o.warmup, is(0));
    assertThat(o.customers, is(50));
    assertThat(o.serverThreads, is(2));
    assertThat(o.minRps, is(10.0));
    assertThat(o.maxSeconds, is(5));
    assertThat(o.baseUrl, is("http://127.0.0.1:8080/v1.0"));
    assertThat(o.apiKey, is("K"));
    assertThat(o.apiSecret, is("S"));
    assertThat(o.business, is("B"));
  }

  @Test
  void theDefaultsAreTheOnesItAlwaysHad() {
    EmulatorLoad.Options o = EmulatorLoad.Options.parse(new String[0]);
    assertThat(o.concurrency, is(8));
    assertThat(o.requests, is(100_000));
    assertThat(o.warmup, is(50_000));
    assertThat(o.customers, is(1_000));
    assertThat(o.serverThreads, is(16));
    assertThat(o.minRps, is(5_000.0));
    assertThat(o.maxSeconds, is(60));
    assertThat(o.baseUrl, nullValue());
  }

  @Test
  void theOldSpaceSeparatedDialectIsRefusedNamingTheWayItIsWritten() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorLoad.Options.parse(new String[] {"--concurrency", "8"}));
    assertThat(e.getMessage(), containsString("options are --name=value"));
  }

  @Test
  void aNonPositiveCountNamesItsOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorLoad.Options.parse(new String[] {"--requests=0"}));
    assertThat(e.getMessage(), is("--requests must be positive, got 0"));
  }

  @Test
  void aBaseUrlOffLoopbackIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorLoad.Options.parse(new String[] {"--baseUrl=ftp://127.0.0.1/v1.0"}));
    assertThat(e.getMessage(), containsString("--baseUrl must be an http:// URL"));
  }

  @Test
  void helpListsEveryOptionWithItsDefaultAndEndsWell() throws Exception {
    Run run = run("--help");
    assertThat(run.printed, run.exitCode, is(0));
    assertThat(run.printed, containsString("bench-emulator: "));
    for (String option :
        List.of(
            "--concurrency=8",
            "--requests=100000",
            "--warmup=50000",
            "--customers=1000",
            "--serverThreads=16",
            "--minRps=5000",
            "--maxSeconds=60",
            "--baseUrl",
            "--apiKey=",
            "--apiSecret=",
            "--business=")) {
      assertThat(run.printed, containsString(option));
    }
  }

  @Test
  void anUnknownOptionEndsTheProcessWithAUsageError() throws Exception {
    Run run = run("--min-rps=5000");
    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(
        run.printed, containsString("bench-emulator: unknown option --min-rps; --help lists them"));
    assertThat(run.printed, containsString("nothing was started"));
  }

  @Test
  void aValueThatDoesNotReadEndsTheProcessWithAUsageError() throws Exception {
    Run run = run("--concurrency=many");
    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(run.printed, containsString("bench-emulator: --concurrency: cannot read \"many\""));
  }

  private record Run(int exitCode, String printed) {}

  /** EmulatorLoad's main in a JVM of its own, as scripts/bench-emulator runs it. */
  private static Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmulatorLoad.class.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("EmulatorLoad did not end: " + printed);
    }
    return new Run(p.exitValue(), printed);
  }
}
