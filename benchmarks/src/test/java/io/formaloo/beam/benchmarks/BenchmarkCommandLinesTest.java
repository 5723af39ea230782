package io.formaloo.beam.benchmarks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.emulator.cli.CommandLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every whole-pipeline benchmark's main speaks the pipelines' dialect: {@code --help} lists its
 * options with their defaults and ends well, and a wrong option, or an argument in the positional
 * style they once read, ends the process with exit code 2 before any emulator starts. Each runs in
 * a JVM of its own, as {@code scripts/bench} runs it, so the exit code is the process's.
 */
class BenchmarkCommandLinesTest {

  /** Each benchmark, and options with defaults its help must show, the first a number's. */
  static Stream<Arguments> benchmarks() {
    return Stream.of(
        Arguments.of(
            ReadChurn.class, List.of("--customers=3000", "--latencyMs=5", "--rows", "regex")),
        Arguments.of(
            ReadThroughput.class,
            List.of("--customers=200000", "--latencyMs=50", "--rate=40", "--parallelism=8")),
        Arguments.of(
            BulkImportCost.class,
            List.of("--customers=10000", "--batch=1000", "--refusedEvery=100", "--shards=4")),
        Arguments.of(
            AdaptiveRate.class,
            List.of("--rates=20,200", "--seconds=30", "--latencyMs=10", "--writeConcurrency=16")),
        Arguments.of(
            WriteThroughput.class,
            List.of("--customers=100000", "--latencyMs=50", "--budget=100", "--faults=none")),
        Arguments.of(
            EndToEnd.class, List.of("--customers=50000", "--latencyMs=100", "--serverThreads=64")),
        Arguments.of(
            WarehouseLoad.class,
            List.of("--customers=100000", "--activities=200000", "--threads=2")));
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void helpListsTheOptionsWithTheirDefaultsAndEndsWell(Class<?> main, List<String> shown)
      throws Exception {
    Run run = run(main, "--help");

    assertThat(run.printed, run.exitCode, is(0));
    assertThat(run.printed, containsString(main.getSimpleName() + ": "));
    assertThat(run.printed, containsString("options, each as --name=value:"));
    for (String option : shown) {
      assertThat(run.printed, containsString(option));
    }
    assertThat(run.printed, not(containsString("setup:")));
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void anUnknownOptionIsNamedAndEndsWithAUsageError(Class<?> main, List<String> shown)
      throws Exception {
    Run run = run(main, "--nope=1");

    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(
        run.printed,
        containsString(main.getSimpleName() + ": unknown option --nope; --help lists them"));
    assertThat(run.printed, containsString("nothing was started"));
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void theOldPositionalStyleIsRefusedSayingHowOptionsAreWritten(Class<?> main, List<String> shown)
      throws Exception {
    Run run = run(main, "500");

    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(
        run.printed,
        containsString(
            main.getSimpleName() + ": unexpected argument \"500\": options are --name=value"));
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void aValueThatDoesNotReadNamesItsOption(Class<?> main, List<String> shown) throws Exception {
    String option = shown.get(0).substring(0, shown.get(0).indexOf('='));
    Run run = run(main, option + "=soon");

    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(
        run.printed,
        containsString(main.getSimpleName() + ": " + option + ": cannot read \"soon\""));
  }

  @Test
  void aWrongRateIsAUsageErrorBeforeAnyRun() throws Exception {
    Run run = run(AdaptiveRate.class, "--rates=20,fast");

    assertThat(run.printed, run.exitCode, is(CommandLine.USAGE));
    assertThat(run.printed, containsString("AdaptiveRate: --rates: cannot read \"20,fast\""));
    assertThat(run.printed, not(containsString("setup:")));
  }

  private record Run(int exitCode, String printed) {}

  /** {@code main} in a JVM of its own, its output and error together. */
  private static Run run(Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not end: " + printed);
    }
    return new Run(p.exitValue(), printed);
  }
}
