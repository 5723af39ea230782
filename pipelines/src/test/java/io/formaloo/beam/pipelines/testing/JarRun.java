package io.formaloo.beam.pipelines.testing;

import io.formaloo.beam.emulator.FormalooEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command of the bundled jar in a process of its own ({@code java -jar}), as a person runs it,
 * against an emulator: its credentials come from the environment, never the command line. Started
 * and awaited apart, so that a test can act while the job runs.
 */
public final class JarRun {
  private static final long TIMEOUT_MINUTES = 10;

  private final Process process;
  private final Path log;
  private final List<String> args;

  private JarRun(Process process, Path log, List<String> args) {
    this.process = process;
    this.log = log;
    this.args = args;
  }

  /** Starts {@code command} of the jar the build made against {@code emulator}. */
  public static JarRun start(
      FormalooEmulator emulator, Path logDir, String command, List<String> args)
      throws IOException {
    String jar = System.getProperty("bundledJar");
    if (jar == null || !Files.exists(Paths.get(jar))) {
      throw new IllegalStateException(
          "no bundled jar at " + jar + ": the cluster tests run after package (failsafe)");
    }
    List<String> all = new ArrayList<>();
    all.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    all.add("-jar");
    all.add(jar);
    all.add(command);
    // The emulator's options, unless the test gives one of them its own value.
    for (String option : Runs.emulatorArgs(emulator)) {
      String name = option.substring(0, option.indexOf('=') + 1);
      if (args.stream().noneMatch(a -> a.startsWith(name))) {
        all.add(option);
      }
    }
    all.addAll(args);
    Files.createDirectories(logDir);
    Path log = Files.createTempFile(logDir, command, ".log");
    ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(Runs.environment(emulator));
    return new JarRun(builder.start(), log, all);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What it printed so far. */
  public String output() throws IOException {
    return Files.readString(log);
  }

  /** Waits for the command to end; its exit code and everything it printed. */
  public Result await() throws IOException, InterruptedException {
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          args + " did not end in " + TIMEOUT_MINUTES + " minutes:\n" + output());
    }
    return new Result(process.exitValue(), output());
  }

  /** How a command ended. */
  public record Result(int exitCode, String output) {}
}
