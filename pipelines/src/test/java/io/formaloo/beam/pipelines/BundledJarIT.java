package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.cli.Cli;
import io.formaloo.beam.pipelines.cli.ConfigFromOptions;
import io.formaloo.beam.pipelines.providers.ReadCustomersProvider;
import io.formaloo.beam.pipelines.providers.WriteCustomersProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.model.expansion.v1.ExpansionApi;
import org.apache.beam.model.expansion.v1.ExpansionServiceGrpc;
import org.apache.beam.vendor.grpc.v1p69p0.io.grpc.ManagedChannel;
import org.apache.beam.vendor.grpc.v1p69p0.io.grpc.ManagedChannelBuilder;
import org.apache.beam.vendor.grpc.v1p69p0.io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled jar, as a person deploys it: each command run with {@code java -jar} in a process of
 * its own, against an emulator. Runs after {@code package} (failsafe), on the jar the build made.
 */
class BundledJarIT {
  private static final long TIMEOUT_SECONDS = 300;

  private static FormalooEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(300).seedActivities(1_000).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void withoutACommandItListsTheCommandsAndExitsWithAUsageError() throws Exception {
    Result r = java(List.of());
    assertThat(r.exitCode, is(Cli.USAGE));
    assertThat(r.output, containsString("backfill"));
    assertThat(r.output, containsString("export"));
    assertThat(r.output, containsString("analytics"));
  }

  @Test
  void helpListsTheCommandsAndSucceeds() throws Exception {
    Result r = java(List.of("--help"));
    assertThat(r.output, r.exitCode, is(Cli.OK));
    assertThat(r.output, containsString("usage: java -jar pipelines-bundled.jar <command>"));
    assertThat(r.output, matchesPattern("(?s).*\\n  analytics +charts and tables.*"));
    assertThat(
        r.output, matchesPattern("(?s).*\\n  expansion-service +serve the schema transforms.*"));
  }

  @Test
  void anUnknownCommandIsNamedAndExitsWithAUsageError() throws Exception {
    Result r = java(List.of("exprot", "--outputDir=out"));
    assertThat(r.exitCode, is(Cli.USAGE));
    assertThat(r.output, containsString("unknown command exprot"));
    assertThat(r.output, containsString("export"));
  }

  @Test
  void exportThenAnalyticsRunFromTheJar() throws Exception {
    Path out = dir.resolve("out");
    Result export =
        java(
            withEmulator(
                "export", "--outputDir=" + out, "--entities=customers,activities", "--shards=1"));
    assertThat(export.output, export.exitCode, is(0));
    assertThat(export.output, containsString("export done"));
    assertThat(lines(out.resolve("customers")), is(300L));
    assertThat(lines(out.resolve("activities")), is(1_000L));

    Path report = dir.resolve("report");
    Result analytics = java(List.of("analytics", "--inputDir=" + out, "--outputDir=" + report));
    assertThat(analytics.output, analytics.exitCode, is(0));
    assertThat(Files.exists(report.resolve("report.html")), is(true));
  }

  @Test
  void backfillRunsFromTheJar() throws Exception {
    Path input = dir.resolve("customers.jsonl");
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      customers.add("{\"email\": \"jar" + i + "@example.org\", \"full_name\": \"Jar " + i + "\"}");
    }
    Files.write(input, customers, StandardCharsets.UTF_8);
    int before = emulator.customerCount();
    Result backfill =
        java(
            withEmulator(
                "backfill", "--customersInput=" + input, "--deadLetterDir=" + dir.resolve("dead")));
    assertThat(backfill.output, backfill.exitCode, is(0));
    assertThat(emulator.customerCount(), is(before + 20));
  }

  @Test
  void startedWithAPortAsPythonStartsItTheJarServesTheSchemaTransforms() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String jar = System.getProperty("bundledJar");
    Path log = Files.createTempFile(dir, "expansion", ".log");
    Process service =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar,
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      Map<String, ?> transforms = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (transforms == null) {
        try {
          transforms =
              ExpansionServiceGrpc.newBlockingStub(channel)
                  .withDeadlineAfter(5, TimeUnit.SECONDS)
                  .discoverSchemaTransform(
                      ExpansionApi.DiscoverSchemaTransformRequest.getDefaultInstance())
                  .getSchemaTransformConfigsMap();
        } catch (StatusRuntimeException notYet) {
          if (!service.isAlive() || System.nanoTime() > deadline) {
            throw new AssertionError(
                "no expansion service on " + port + ": " + Files.readString(log), notYet);
          }
          Thread.sleep(500);
        }
      }
      assertThat(
          transforms.keySet(), hasItems(ReadCustomersProvider.URN, WriteCustomersProvider.URN));
    } finally {
      channel.shutdownNow();
      service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> withEmulator(String command, String... args) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.add("--formalooBaseUrl=" + emulator.baseUrl());
    all.add("--formalooBusiness=" + emulator.business());
    all.add("--progressIntervalSeconds=1");
    all.addAll(List.of(args));
    return all;
  }

  private static long lines(Path folder) throws IOException {
    long count = 0;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try (Stream<String> l = Files.lines(f)) {
          count += l.count();
        }
      }
    }
    return count;
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
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put(ConfigFromOptions.API_KEY_VARIABLE, emulator.apiKey());
    builder.environment().put(ConfigFromOptions.API_SECRET_VARIABLE, emulator.apiSecret());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "java -jar "
              + args
              + " did not end in "
              + TIMEOUT_SECONDS
              + " s: "
              + Files.readString(log));
    }
    String output = Files.readString(log);
    assertThat(output.length(), greaterThan(0));
    return new Result(process.exitValue(), output);
  }
}
