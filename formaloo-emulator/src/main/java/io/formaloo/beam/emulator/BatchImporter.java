package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Customer batch import jobs. A job moves {@code new → queued → in_progress → imported | failed} on
 * a background thread, one step per {@code batchStepDelay}, so a client must poll for it as it must
 * on the service. Rows are validated and upserted one by one: an imported job can list failed rows
 * with their errors.
 */
final class BatchImporter implements AutoCloseable {
  private final DataStore store;
  private final FaultInjector faults;
  private final Duration stepDelay;
  private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
  private final ScheduledExecutorService steps =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "formaloo-emulator-batch");
            t.setDaemon(true);
            return t;
          });

  BatchImporter(DataStore store, FaultInjector faults, Duration stepDelay) {
    this.store = store;
    this.faults = faults;
    this.stepDelay = stepDelay;
  }

  BatchJob submit(ArrayNode rows) {
    BatchJob job =
        new BatchJob(UUID.randomUUID().toString().replace("-", ""), rows.deepCopy(), store.now());
    jobs.put(job.slug, job);
    scheduleNext(job);
    return job;
  }

  BatchJob job(String slug) {
    return jobs.get(slug);
  }

  Collection<BatchJob> jobs() {
    return jobs.values();
  }

  private void scheduleNext(BatchJob job) {
    steps.schedule(() -> advance(job), stepDelay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void advance(BatchJob job) {
    switch (job.status) {
      case NEW:
        job.status = BatchJob.Status.QUEUED;
        scheduleNext(job);
        break;
      case QUEUED:
        job.status = BatchJob.Status.IN_PROGRESS;
        scheduleNext(job);
        break;
      case IN_PROGRESS:
        finish(job);
        break;
      default:
        break;
    }
  }

  private void finish(BatchJob job) {
    if (faults.failBatchJob()) {
      ObjectNode results = Json.MAPPER.createObjectNode();
      results.put("error", "The import job failed on the server; no row was imported.");
      job.importResults = results;
      job.status = BatchJob.Status.FAILED;
      return;
    }
    ObjectNode results = Json.MAPPER.createObjectNode();
    ArrayNode failedRows = Json.MAPPER.createArrayNode();
    int[] counts = new int[3]; // new, existing, failed
    store.write(
        () -> {
          for (int i = 0; i < job.customersData.size(); i++) {
            JsonNode row = job.customersData.get(i);
            FieldErrors errors = new FieldErrors();
            CustomerInput in = Bodies.customerRow(row, errors);
            if (in != null) {
              try {
                counts[store.upsertCustomer(in).created ? 0 : 1]++;
                continue;
              } catch (ApiException conflict) {
                failedRows.add(failedRow(i, row, conflict.body()));
                counts[2]++;
                continue;
              }
            }
            failedRows.add(failedRow(i, row, errors.toJson()));
            counts[2]++;
          }
          return null;
        });
    results.put("total", job.customersData.size());
    results.put("new", counts[0]);
    results.put("existing", counts[1]);
    results.put("failed", counts[2]);
    results.set("failed_rows", failedRows);
    job.importResults = results;
    job.importedAt = store.now();
    job.status = BatchJob.Status.IMPORTED;
  }

  private static ObjectNode failedRow(int index, JsonNode row, JsonNode errors) {
    ObjectNode failed = Json.MAPPER.createObjectNode();
    failed.put("row", index);
    failed.set("data", row);
    failed.set("errors", errors);
    return failed;
  }

  @Override
  public void close() {
    steps.shutdownNow();
  }
}
