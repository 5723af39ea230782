package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Customer batch import jobs. A job moves {@code new → queued → in_progress → imported | failed} on
 * a background thread, one step per {@code batchStepDelay}, so a client must poll for it as it must
 * on the service. Rows are validated, checked against the business's {@link CustomerRejections},
 * and upserted one by one: an imported job can have failed rows, which its {@code import_results}
 * reports in the configured {@link BatchImportAnswer} shape (from their indexes with their errors,
 * down to nothing at all).
 */
final class BatchImporter implements AutoCloseable {
  private final DataStore store;
  private final FaultInjector faults;
  private final Duration stepDelay;
  private final BatchImportAnswer answerShape;
  private final CustomerRejections rejections;
  private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
  private final ScheduledExecutorService steps =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "formaloo-emulator-batch");
            t.setDaemon(true);
            return t;
          });

  BatchImporter(
      DataStore store,
      FaultInjector faults,
      Duration stepDelay,
      BatchImportAnswer answerShape,
      CustomerRejections rejections) {
    this.store = store;
    this.faults = faults;
    this.stepDelay = stepDelay;
    this.answerShape = answerShape;
    this.rejections = rejections;
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
    List<FailedRow> failedRows = new ArrayList<>();
    int[] counts = new int[2]; // new, existing
    store.write(
        () -> {
          for (int i = 0; i < job.customersData.size(); i++) {
            JsonNode row = job.customersData.get(i);
            FieldErrors errors = new FieldErrors();
            CustomerInput in = Bodies.customerRow(row, errors);
            if (in != null) {
              errors = rejections.check(in);
            }
            if (in != null && errors.isEmpty()) {
              try {
                counts[store.upsertCustomer(in).created ? 0 : 1]++;
                continue;
              } catch (ApiException conflict) {
                failedRows.add(new FailedRow(i, row, conflict.body()));
                continue;
              }
            }
            failedRows.add(new FailedRow(i, row, errors.toJson()));
          }
          return null;
        });
    job.importResults = answer(job.customersData.size(), counts[0], counts[1], failedRows);
    job.importedAt = store.now();
    job.status = BatchJob.Status.IMPORTED;
  }

  /** A row the job did not import: its index in {@code customers_data}, the row, its errors. */
  private static final class FailedRow {
    final int index;
    final JsonNode row;
    final JsonNode errors;

    FailedRow(int index, JsonNode row, JsonNode errors) {
      this.index = index;
      this.row = row;
      this.errors = errors;
    }

    /** The row's email, else its phone number, else {@code #<index>}: rows carry no other key. */
    String identity() {
      for (String field : new String[] {"email", "phone_number"}) {
        JsonNode value = row.isObject() ? row.get(field) : null;
        if (value != null && value.isTextual() && !value.asText().isEmpty()) {
          return value.asText();
        }
      }
      return "#" + index;
    }
  }

  /** {@code import_results} in the configured {@link BatchImportAnswer} shape. */
  private ObjectNode answer(int total, int created, int existing, List<FailedRow> failedRows) {
    ObjectNode results = Json.MAPPER.createObjectNode();
    switch (answerShape) {
      case ROW_INDEXED:
        results.put("total", total);
        results.put("new", created);
        results.put("existing", existing);
        results.put("failed", failedRows.size());
        ArrayNode rows = results.putArray("failed_rows");
        for (FailedRow f : failedRows) {
          ObjectNode failed = rows.addObject();
          failed.put("row", f.index);
          failed.set("data", f.row);
          failed.set("errors", f.errors);
        }
        break;
      case KEYED_BY_IDENTITY:
        counts(results, total, created, existing, failedRows.size());
        ObjectNode byIdentity = results.putObject("errors");
        for (FailedRow f : failedRows) {
          byIdentity.set(f.identity(), f.errors);
        }
        break;
      case COUNTS_ONLY:
        counts(results, total, created, existing, failedRows.size());
        break;
      case MESSAGE_ONLY:
        StringBuilder message =
            new StringBuilder()
                .append(total - failedRows.size())
                .append(" of ")
                .append(total)
                .append(" customers imported.");
        for (FailedRow f : failedRows) {
          message.append(' ').append(f.identity()).append(": ").append(f.errors).append('.');
        }
        results.put("message", message.toString());
        break;
      case EMPTY:
      default:
        break;
    }
    return results;
  }

  private static void counts(ObjectNode results, int total, int created, int existing, int failed) {
    results.put("customers_count", total);
    results.put("new_customers", created);
    results.put("existing_customers", existing);
    results.put("failed_customers", failed);
  }

  @Override
  public void close() {
    steps.shutdownNow();
  }
}
