package io.formaloo.beam.io.internal.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.CustomerBatchImport;
import io.formaloo.beam.io.write.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.FluentBackoff;
import org.apache.beam.sdk.util.Sleeper;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk import jobs of one worker thread, and the bounded poller that sees them through.
 *
 * <p>A batch becomes one {@code POST /customers/batch/}; the thread does not wait for the job but
 * goes on with its next batches, up to {@link WriteSettings#maxJobsInFlight()} jobs at once. It
 * polls them ({@code GET /customers/batch/{slug}/}) when it must wait for one, and at the end of
 * the bundle, each on its own backoff, so one thread keeps many jobs going: there is no thread per
 * job.
 *
 * <p>How a job ends:
 *
 * <ul>
 *   <li>{@code imported}: the rows {@code import_results} names as failed fail with their errors
 *       ({@link FailureKind#IMPORT_ROW_FAILED}); the others are written when its counts agree that
 *       they were imported, else each is written again on its own and reported as its own request's
 *       answer says (see {@link ImportResults}: the answer's shape is not documented);
 *   <li>{@code failed} or {@code canceled}: it is started again once; if that job fails too, its
 *       rows are written one by one, so that one bad row does not fail the others;
 *   <li>not ended within {@link WriteSettings#bulkImportTimeout()}: its rows fail with the job's
 *       slug ({@link FailureKind#IMPORT_TIMEOUT}); the job may still import them later.
 * </ul>
 *
 * Every job's slug is logged when it starts and when it ends.
 */
final class ImportJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

  private final WriteSettings settings;
  private final CustomerWriter oneByOne;
  private final WriteMetrics metrics;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final FluentBackoff pollBackoff;
  private final List<ImportJob> running = new ArrayList<>();

  ImportJobs(
      WriteSettings settings,
      CustomerWriter oneByOne,
      WriteMetrics metrics,
      Sleeper sleeper,
      LongSupplier nanoTime) {
    this.settings = settings;
    this.oneByOne = oneByOne;
    this.metrics = metrics;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.pollBackoff =
        FluentBackoff.DEFAULT
            .withExponent(1.5)
            .withInitialBackoff(joda(settings.firstPoll()))
            .withMaxBackoff(joda(settings.maxPoll()));
  }

  /** Jobs started and not yet ended. */
  int running() {
    return running.size();
  }

  /** Starts the job that imports {@code rows}, first waiting for room among the running jobs. */
  void start(
      FormalooClient client, int shard, List<TimestampedValue<Customer>> rows, Results results)
      throws InterruptedException {
    while (running.size() >= settings.maxJobsInFlight()) {
      pollNext(results);
    }
    submit(client, shard, rows, 1, results);
  }

  /** Sees every running job through to its end. */
  void finish(Results results) throws InterruptedException {
    while (!running.isEmpty()) {
      pollNext(results);
    }
  }

  private void submit(
      FormalooClient client,
      int shard,
      List<TimestampedValue<Customer>> rows,
      int attempt,
      Results results) {
    CustomerBatchImport created;
    try {
      created = client.createBatchImport(customers(rows));
    } catch (FormalooException e) {
      Failures.rethrowConfiguration(e);
      if (!e.isRetryable()) {
        LOG.warn(
            "The API refused a bulk import of {} customers ({}); writing them one by one",
            rows.size(),
            e.getMessage());
        writeOneByOne(client, rows, results);
      } else if (attempt == 1) {
        LOG.warn(
            "A bulk import of {} customers could not be started ({}); trying once more",
            rows.size(),
            e.getMessage());
        submit(client, shard, rows, 2, results);
      } else {
        JobRows.notStarted(rows, attempt, e, results);
      }
      return;
    }
    String slug = created.getSlug();
    if (slug == null) {
      LOG.warn(
          "POST /customers/batch/ answered without a job slug; writing its {} customers one by one",
          rows.size());
      writeOneByOne(client, rows, results);
      return;
    }
    metrics.jobsStarted.inc();
    LOG.info(
        "Bulk import job {} started: {} customers (shard {}, attempt {})",
        slug,
        rows.size(),
        shard,
        attempt);
    long now = nanoTime.getAsLong();
    ImportJob job =
        new ImportJob(
            client,
            shard,
            rows,
            attempt,
            slug,
            created.getStatus(),
            now + settings.bulkImportTimeout().toNanos(),
            pollBackoff.backoff(),
            settings.maxPoll().toNanos());
    if (created.getStatus() != null && created.getStatus().isTerminal()) {
      settle(job, created, results);
      return;
    }
    job.scheduleAfter(now);
    running.add(job);
  }

  /** Waits for the job due first, polls it, and settles it if it ended or ran out of time. */
  private void pollNext(Results results) throws InterruptedException {
    ImportJob job = running.get(0);
    for (ImportJob j : running) {
      if (j.nextPollNanos - job.nextPollNanos < 0) {
        job = j;
      }
    }
    long waitNanos = job.nextPollNanos - nanoTime.getAsLong();
    if (waitNanos > 0) {
      sleeper.sleep((waitNanos + 999_999) / 1_000_000);
    }
    running.remove(job);
    CustomerBatchImport answer = null;
    try {
      answer = job.client.getBatchImport(job.slug);
    } catch (FormalooException e) {
      Failures.rethrowConfiguration(e);
      if (!e.isRetryable()) {
        jobFailed(job, "cannot be polled (" + e.getMessage() + ")", results);
        return;
      }
      LOG.warn(
          "Polling bulk import job {} failed ({}); polling it again", job.slug, e.getMessage());
    }
    if (answer != null) {
      job.lastStatus = answer.getStatus();
      if (answer.getStatus() != null && answer.getStatus().isTerminal()) {
        settle(job, answer, results);
        return;
      }
    }
    long now = nanoTime.getAsLong();
    if (job.isPastDeadline(now)) {
      timedOut(job, results);
      return;
    }
    job.scheduleAfter(now);
    running.add(job);
  }

  private void settle(ImportJob job, CustomerBatchImport answer, Results results) {
    if (answer.getStatus() == CustomerBatchImport.Status.IMPORTED) {
      imported(job, ImportResults.parse(answer.importResults()), results);
    } else {
      jobFailed(job, "ended " + statusOf(answer.getStatus()) + errorOf(answer), results);
    }
  }

  /**
   * Accounts for every row of an imported job. What the answer confirms (rows it names failed, and
   * the others when its counts add up) is reported as it says; every other row is written again on
   * its own and reported as that request's answer says, so that no row is reported written that the
   * API did not confirm.
   */
  private void imported(ImportJob job, ImportResults answer, Results results) {
    metrics.jobsImported.inc();
    RowAccount account = answer.account(customers(job.rows));
    if (account.accountsForEveryRow()) {
      LOG.info(
          "Bulk import job {} imported; its answer ({}) accounts for every row: {} imported,"
              + " {} failed",
          job.slug,
          answer.describe(),
          job.rows.size() - account.failedCount(),
          account.failedCount());
    } else {
      LOG.info(
          "Bulk import job {} imported; its answer ({}) does not account for every row ({}):"
              + " {} rows it names failed fail, the other {} are written again one by one to"
              + " confirm them",
          job.slug,
          answer.describe(),
          account.gaps(),
          account.failedCount(),
          job.rows.size() - account.failedCount());
    }
    List<TimestampedValue<Customer>> unconfirmed = JobRows.imported(job, account, metrics, results);
    for (TimestampedValue<Customer> row : unconfirmed) {
      metrics.bulkRowsConfirmedOneByOne.inc();
      if (!oneByOne.confirm(job.client, job, row, results)) {
        metrics.bulkRowsFailed.inc();
      }
    }
  }

  private void jobFailed(ImportJob job, String why, Results results) {
    metrics.jobsFailed.inc();
    if (job.attempt == 1) {
      LOG.warn("Bulk import job {} {}; starting the batch's job again", job.slug, why);
      submit(job.client, job.shard, job.rows, 2, results);
    } else {
      LOG.warn(
          "Bulk import job {} {}, the batch's second job; writing its {} customers one by one",
          job.slug,
          why,
          job.rows.size());
      writeOneByOne(job.client, job.rows, results);
    }
  }

  private void timedOut(ImportJob job, Results results) {
    metrics.jobsTimedOut.inc();
    String error =
        "bulk import job "
            + job.slug
            + " did not end within "
            + settings.bulkImportTimeout()
            + " (last status: "
            + statusOf(job.lastStatus)
            + "); it may still import the record later";
    LOG.warn("{}; {} customers go to the failure output", error, job.rows.size());
    JobRows.timedOut(job, error, results);
  }

  private void writeOneByOne(
      FormalooClient client, List<TimestampedValue<Customer>> rows, Results results) {
    metrics.retried.inc(rows.size());
    for (TimestampedValue<Customer> row : rows) {
      oneByOne.write(client, row, results);
    }
  }

  private static List<Customer> customers(List<TimestampedValue<Customer>> rows) {
    List<Customer> customers = new ArrayList<>(rows.size());
    for (TimestampedValue<Customer> row : rows) {
      customers.add(row.getValue());
    }
    return customers;
  }

  private static String statusOf(CustomerBatchImport.@Nullable Status status) {
    return status == null ? "unknown" : status.jsonValue();
  }

  private static String errorOf(CustomerBatchImport answer) {
    JsonNode results = answer.importResults();
    if (results != null && results.hasNonNull("error")) {
      return " (" + results.get("error").asText() + ")";
    }
    return "";
  }

  private static org.joda.time.Duration joda(Duration d) {
    return org.joda.time.Duration.millis(d.toMillis());
  }
}
