package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.flinkcluster.LocalFlinkCluster;
import io.formaloo.beam.pipelines.report.ReportFiles;
import io.formaloo.beam.pipelines.testing.ClusterOutcomes;
import io.formaloo.beam.pipelines.testing.FlinkRest;
import io.formaloo.beam.pipelines.testing.JarRun;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.SharedFlinkCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three pipelines on a Flink session cluster of separate processes (a JobManager and two
 * TaskManagers, each its own JVM), submitted as a person submits them: {@code java -jar
 * pipelines-bundled.jar ... --runner=FlinkRunner --flinkMaster=HOST:PORT}, so that the runner
 * stages the bundled jar and every record, option and DoFn crosses a process boundary. Parallelism
 * 4 across the two TaskManagers; the same exact outcomes as on the Direct runner.
 */
@ExtendWith(SharedFlinkCluster.class)
class FlinkClusterIT {
  private static final String SECRET = "cluster-it-secret-5f1d0c";
  private static final String KEY = "cluster-it-key-a93e27";

  @TempDir Path dir;

  private FormalooEmulator emulator;

  @BeforeEach
  void startEmulator() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .apiKey(KEY)
                .apiSecret(SECRET)
                .seedCustomers(150)
                .seedActivities(600)
                .seedDates(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15))
                .build());
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void backfillOnTheClusterWritesEachGoodRecordOnceAndDeadLettersExactlyTheBadOnes(
      LocalFlinkCluster cluster) throws Exception {
    int customersBefore = emulator.customerCount();
    int activitiesBefore = emulator.activityCount();
    SampleFiles.Generated in =
        SampleFiles.write(
            dir.resolve("in"),
            40,
            120,
            LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 6, 8),
            true,
            5);

    JarRun.Result run =
        run(
            cluster,
            "backfill",
            "--customersInput=" + in.customers(),
            "--activitiesInput=" + in.activities(),
            "--deadLetterDir=" + dir.resolve("dead"));

    assertThat(run.output(), run.exitCode(), is(0));
    ClusterOutcomes.backfillWasExact(
        emulator, in, customersBefore, activitiesBefore, dir.resolve("dead"));
    assertThat(run.output(), containsString("customers: 44 read, 40 written, 4 failed"));
    assertThat(run.output(), containsString("ran on: FlinkRunner, parallelism 4"));
  }

  @Test
  void exportOnTheClusterWritesEachRecordOnce(LocalFlinkCluster cluster) throws Exception {
    Path out = dir.resolve("out");

    JarRun.Result run =
        run(cluster, "export", "--outputDir=" + out, "--entities=customers,activities,tags");

    assertThat(run.output(), run.exitCode(), is(0));
    ClusterOutcomes.exportWasExact(emulator, out);
    assertThat(run.output(), containsString("customers: 150 records"));
  }

  @Test
  void theJobCarriesThePipelinesRestartStrategy(LocalFlinkCluster cluster) throws Exception {
    FlinkRest rest = new FlinkRest(cluster.flinkMaster());
    List<String> before = rest.jobIds();

    JarRun.Result run =
        run(cluster, "export", "--outputDir=" + dir.resolve("out"), "--entities=tags");

    assertThat(run.output(), run.exitCode(), is(0));
    List<String> jobs = new ArrayList<>(rest.jobIds());
    jobs.removeAll(before);
    assertThat(jobs.size(), is(1));
    // The cluster's own default is no restart: this is what the pipeline asked for.
    assertThat(rest.jobConfig(jobs.get(0)), containsString("#10 restart attempts"));
  }

  @Test
  void analyticsOnTheClusterAgreesWithTheDirectRunner(LocalFlinkCluster cluster) throws Exception {
    Runs.Run direct = Runs.analytics(emulator, "--outputDir=" + dir.resolve("direct"));
    JarRun.Result onCluster = run(cluster, "analytics", "--outputDir=" + dir.resolve("cluster"));

    assertThat(direct.printed(), direct.exitCode(), is(0));
    assertThat(onCluster.output(), onCluster.exitCode(), is(0));
    for (String file : List.of(ReportFiles.DAILY_CSV, ReportFiles.BANDS_CSV, ReportFiles.TOP_CSV)) {
      assertThat(
          file,
          Files.readString(dir.resolve("cluster").resolve(file)),
          is(Files.readString(dir.resolve("direct").resolve(file))));
    }
    assertThat(Files.exists(dir.resolve("cluster").resolve(ReportFiles.REPORT)), is(true));
  }

  @Test
  void theCredentialsAppearInNoJobsConfigurationNorAnyClusterLog(LocalFlinkCluster cluster)
      throws Exception {
    JarRun.Result run =
        run(cluster, "export", "--outputDir=" + dir.resolve("out"), "--entities=tags");
    assertThat(run.output(), run.exitCode(), is(0));

    FlinkRest rest = new FlinkRest(cluster.flinkMaster());
    List<String> jobs = rest.jobIds();
    assertThat(jobs, is(not(empty())));
    for (String job : jobs) {
      String config = rest.jobConfig(job);
      assertThat(config, not(containsString(SECRET)));
      assertThat(config, not(containsString(KEY)));
    }
    List<String> leaking = new ArrayList<>();
    try (Stream<Path> logs = Files.list(cluster.logsDir())) {
      for (Path log : logs.toList()) {
        String text = Files.readString(log);
        if (text.contains(SECRET) || text.contains(KEY)) {
          leaking.add(log.getFileName().toString());
        }
      }
    }
    assertThat("logs that name the key or the secret", leaking, is(empty()));
    assertThat(run.output(), not(containsString(SECRET)));
  }

  private JarRun.Result run(LocalFlinkCluster cluster, String command, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(flink(cluster));
    all.addAll(List.of(args));
    return JarRun.start(emulator, dir.resolve("logs"), command, all).await();
  }

  static List<String> flink(LocalFlinkCluster cluster) {
    return List.of(
        "--runner=FlinkRunner", "--flinkMaster=" + cluster.flinkMaster(), "--parallelism=4");
  }
}
