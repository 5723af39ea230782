package io.formaloo.beam.harness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.pipelines.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness jar as scripts/demo runs it: {@code java -jar} in a process of its own. Runs after
 * {@code package} (failsafe), on the jar the build made.
 */
class HarnessJarIT {
  private static final long TIMEOUT_SECONDS = 300;

  @TempDir Path dir;

  @Test
  void withoutACommandItListsThePipelinesAndTheHarnessesAndExitsWithAUsageError() throws Exception {
    Result r = java(List.of());
    assertThat(r.output, r.exitCode, is(Cli.USAGE));
    assertThat(r.output, containsString("backfill"));
    assertThat(r.output, containsString("demo"));
    assertThat(r.output, containsString("soak"));
  }

  @Test
  void theDemoRunsFromTheJar() throws Exception {
    Result demo =
        java(
            List.of(
                "demo",
                "--workDir=" + dir.resolve("demo"),
                "--customers=200",
                "--activities=1000",
                "--backfillCustomers=50",
                "--backfillActivities=100",
                "--progressIntervalSeconds=0"));
    assertThat(demo.output, demo.exitCode, is(0));
    assertThat(demo.output, containsString("demo: done in"));
  }

  @Test
  void aPipelineRunsFromTheHarnessJarToo() throws Exception {
    Result help = java(List.of("export", "--help"));
    assertThat(help.output, help.exitCode, is(Cli.OK));
    assertThat(help.output, containsString("--outputDir"));
  }

  private record Result(int exitCode, String output) {}

  private Result java(List<String> args) throws Exception {
    String jar = System.getProperty("bundledJar");
    assertThat("the bundled jar exists: " + jar, Files.exists(Paths.get(jar)), is(true));
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(args);
    Path log = Files.createTempFile(dir, "run", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar " + args + " did not end: " + Files.readString(log));
    }
    return new Result(process.exitValue(), Files.readString(log));
  }
}
