package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.flinkcluster.LocalFlinkCluster;
import io.formaloo.beam.pipelines.testing.ClusterOutcomes;
import io.formaloo.beam.pipelines.testing.FlinkRest;
import io.formaloo.beam.pipelines.testing.JarRun;
import io.formaloo.beam.pipelines.testing.SharedFlinkCluster;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager that runs a task of the job killed with SIGKILL in the middle of it, as a lost
 * machine would be: the pipelines' restart strategy restarts the job on the TaskManager that is
 * left and a replacement, and the outcome is exact. Writes are capped in rate so that the job is
 * still writing when the kill comes; the kill comes once the emulator has seen part of the work,
 * never after a pause.
 */
@ExtendWith(SharedFlinkCluster.class)
class FlinkWorkerLossIT {
  @TempDir Path dir;

  private FormalooEmulator emulator;

  @BeforeEach
  void startEmulator() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(1_500)
                .seedActivities(3_000)
                .seedDates(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15))
                .build());
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void aBulkImportBackfillThatLosesATaskManagerWritesEachGoodRecordOnce(LocalFlinkCluster cluster)
      throws Exception {
    backfillLosingATaskManager(cluster, "always");
  }

  @Test
  void aPerRecordBackfillThatLosesATaskManagerWritesEachGoodRecordOnce(LocalFlinkCluster cluster)
      throws Exception {
    backfillLosingATaskManager(cluster, "never");
  }

  @Test
  void anExportThatLosesATaskManagerWritesEachRecordOnce(LocalFlinkCluster cluster)
      throws Exception {
    Path out = dir.resolve("out");
    Set<String> jobsBefore = new HashSet<>(new FlinkRest(cluster.flinkMaster()).jobIds());
    long requestsBefore = emulator.requestCount();
    JarRun export =
        start(
            cluster,
            "export",
            "--outputDir=" + out,
            "--entities=customers,activities",
            // Pages of 10 at 10 requests/s per read and worker: about 15 s of reading.
            "--maxRequestsPerSecond=10");

    loseATaskManagerOnceTrue(
        cluster, export, jobsBefore, "Read", () -> emulator.requestCount() > requestsBefore + 20);
    JarRun.Result run = export.await();

    assertThat(run.output(), run.exitCode(), is(0));
    ClusterOutcomes.exportWasExact(emulator, out);
    assertTheJobRecoveredFromALostTaskManager(cluster, jobsBefore);
  }

  private void backfillLosingATaskManager(LocalFlinkCluster cluster, String bulkImport)
      throws Exception {
    int customersBefore = emulator.customerCount();
    int activitiesBefore = emulator.activityCount();
    SampleFiles.Generated in =
        SampleFiles.write(
            dir.resolve("in"),
            400,
            800,
            LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 6, 8),
            true,
            7);
    Set<String> jobsBefore = new HashSet<>(new FlinkRest(cluster.flinkMaster()).jobIds());
    JarRun backfill =
        start(
            cluster,
            "backfill",
            "--customersInput=" + in.customers(),
            "--activitiesInput=" + in.activities(),
            "--deadLetterDir=" + dir.resolve("dead"),
            "--bulkImport=" + bulkImport,
            // 40 requests/s per worker, shared by the two writes: activities take about 20 s.
            "--maxRequestsPerSecond=40");

    loseATaskManagerOnceTrue(
        cluster,
        backfill,
        jobsBefore,
        "Write",
        () -> emulator.activityCount() > activitiesBefore + 60);
    JarRun.Result run = backfill.await();

    assertThat(run.output(), run.exitCode(), is(0));
    ClusterOutcomes.backfillWasExact(
        emulator, in, customersBefore, activitiesBefore, dir.resolve("dead"));
    if (bulkImport.equals("always")) {
      assertThat(emulator.batchJobCount(), greaterThan(0));
    }
    assertTheJobRecoveredFromALostTaskManager(cluster, jobsBefore);
  }

  /**
   * Once {@code midJob} holds while {@code run} is still going, kills with SIGKILL a TaskManager
   * that runs a task of the job now (one running a vertex named with {@code preferred} if any),
   * then starts a replacement, as a cluster manager would.
   */
  private static void loseATaskManagerOnceTrue(
      LocalFlinkCluster cluster,
      JarRun run,
      Set<String> jobsBefore,
      String preferred,
      BooleanSupplier midJob)
      throws Exception {
    FlinkRest rest = new FlinkRest(cluster.flinkMaster());
    while (true) {
      if (!run.isAlive()) {
        throw new AssertionError("the job ended before a TaskManager was lost:\n" + run.output());
      }
      List<String> jobs = new ArrayList<>(rest.jobIds());
      jobs.removeAll(jobsBefore);
      if (jobs.size() == 1 && midJob.getAsBoolean()) {
        List<String> running = rest.taskManagersRunning(jobs.get(0), preferred);
        if (!running.isEmpty()) {
          assertThat(cluster.taskManagers().size(), is(SharedFlinkCluster.TASK_MANAGERS));
          cluster.killTaskManager(running.get(0));
          cluster.startTaskManager();
          return;
        }
      }
      Thread.sleep(50);
    }
  }

  /** The kill did hit the job: Flink records the lost TaskManager among the job's failures. */
  private static void assertTheJobRecoveredFromALostTaskManager(
      LocalFlinkCluster cluster, Set<String> jobsBefore) throws Exception {
    FlinkRest rest = new FlinkRest(cluster.flinkMaster());
    List<String> jobs = new ArrayList<>(rest.jobIds());
    jobs.removeAll(jobsBefore);
    assertThat("one job ran", jobs.size(), is(1));
    String failures = rest.exceptionHistory(jobs.get(0)).toString();
    assertThat(failures, containsString("taskmanager-"));
  }

  private JarRun start(LocalFlinkCluster cluster, String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(FlinkClusterIT.flink(cluster));
    all.addAll(List.of(args));
    return JarRun.start(emulator, dir.resolve("logs"), command, all);
  }
}
