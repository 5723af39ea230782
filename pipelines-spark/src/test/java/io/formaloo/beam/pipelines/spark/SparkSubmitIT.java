package io.formaloo.beam.pipelines.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code spark-submit} of the bundled jar, as far as this machine allows: there is no
 * Spark distribution, so the test runs what {@code spark-submit} runs, Spark's {@code
 * org.apache.spark.deploy.SparkSubmit}, in a process of its own, with {@code --master local[2]}.
 * Its classpath is Spark's jars and the libraries beside them on this module's test classpath,
 * without any of Beam's or this project's: those come from the bundled jar alone.
 */
class SparkSubmitIT {
  private static FormalooEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(120).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void sparkSubmitOfTheBundledJarExportsEachCustomerOnce() throws Exception {
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("sparkJavaOptions", "").split(" ")));
    command.add("-Dspark.driver.host=127.0.0.1");
    command.add("-Dspark.driver.bindAddress=127.0.0.1");
    command.add("-Dspark.ui.enabled=false");
    command.add("-cp");
    command.add(sparkClasspath());
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(
        List.of(
            "--class",
            "io.formaloo.beam.pipelines.export.Export",
            "--master",
            "local[2]",
            System.getProperty("bundledJar"),
            "--runner=SparkRunner",
            "--outputDir=" + out,
            "--entities=customers",
            "--shards=0"));
    command.addAll(Runs.emulatorArgs(emulator));
    Path log = dir.resolve("spark-submit.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Runs.environment(emulator));
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("spark-submit did not end in 5 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log);

    assertThat(output, process.exitValue(), is(0));
    assertThat(output, containsString("ran on: SparkRunner"));
    List<String> codes = new ArrayList<>();
    for (String line : Outputs.jsonLines(out, "customers")) {
      codes.add(line.replaceAll(".*\"code\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
    }
    assertThat(new HashSet<>(codes).size(), is(codes.size()));
    assertThat(new HashSet<>(codes), is(new HashSet<>(emulator.customerCodes())));
  }

  /**
   * This JVM's classpath without Beam's jars and without this project's classes and jars: those
   * from the local repository, and those of the build itself (a reactor build hands the modules'
   * {@code target/} jars and classes over instead).
   */
  private static String sparkClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("/org/apache/beam/"))
        .filter(e -> !e.contains("/io/formaloo/"))
        .filter(e -> !e.contains("/target/"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
