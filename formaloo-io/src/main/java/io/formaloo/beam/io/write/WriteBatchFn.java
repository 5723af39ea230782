package io.formaloo.beam.io.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.model.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.Sleeper;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Writes each batch with its shard's client: record by record on the shard's lane ({@link
 * ShardLanes}), or, for customers in a batch above the bulk import threshold, as one bulk import
 * job ({@link ImportJobs}).
 *
 * <p>Neither waits for the batch to be written: lanes write while the thread takes the next batch,
 * and jobs run on the server while it polls them. Outcomes are kept and output when the bundle
 * finishes, after every lane is done and every job has ended. Every outcome carries its input
 * record's timestamp; the input is in the global window (the write batches in one window and gives
 * the results the input's windowing afterwards).
 */
final class WriteBatchFn<T>
    extends DoFn<KV<Integer, Iterable<TimestampedValue<T>>>, WrittenRecord> {
  private static final long serialVersionUID = 1L;

  private final WriteTarget<T> target;
  private final WriteSettings settings;
  private final TupleTag<WrittenRecord> writtenTag;
  private final TupleTag<FailedRecord> failedTag;

  private transient ShardClients clients;
  private transient ShardLanes lanes;
  private transient WriteMetrics metrics;
  private transient RecordWriter<T> writer;
  private transient @Nullable ImportJobs jobs;
  private transient Queue<TimestampedValue<WrittenRecord>> written;
  private transient Queue<TimestampedValue<FailedRecord>> failed;
  private transient Results results;

  WriteBatchFn(
      WriteTarget<T> target,
      WriteSettings settings,
      TupleTag<WrittenRecord> writtenTag,
      TupleTag<FailedRecord> failedTag) {
    this.target = target;
    this.settings = settings;
    this.writtenTag = writtenTag;
    this.failedTag = failedTag;
  }

  @Setup
  public void setup() {
    clients = new ShardClients(settings);
    lanes = new ShardLanes(2 * settings.shards());
    metrics = new WriteMetrics();
    writer = target.writer();
    // Lanes add to these from their own threads.
    written = new ConcurrentLinkedQueue<>();
    failed = new ConcurrentLinkedQueue<>();
    results =
        new Results(
            new Results.Emitter() {
              @Override
              public void written(WrittenRecord record, Instant timestamp) {
                written.add(TimestampedValue.of(record, timestamp));
              }

              @Override
              public void failed(FailedRecord record, Instant timestamp) {
                failed.add(TimestampedValue.of(record, timestamp));
              }
            },
            metrics);
  }

  @StartBundle
  public void startBundle() {
    lanes.discardPending();
    written.clear();
    failed.clear();
    jobs = null;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<TimestampedValue<T>>> batch)
      throws InterruptedException {
    List<TimestampedValue<T>> records = new ArrayList<>();
    batch.getValue().forEach(records::add);
    metrics.batches.inc();
    metrics.batchRecords.update(records.size());
    int shard = batch.getKey();
    FormalooClient client = clients.forShard(shard);
    if (target.supportsBulkImport() && settings.bulkImportFor(records.size())) {
      importJobs().start(client, shard, asCustomers(records), results);
      return;
    }
    lanes.submit(
        shard,
        () -> {
          for (TimestampedValue<T> record : records) {
            writer.write(client, record, results);
          }
        });
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws InterruptedException {
    lanes.awaitAll();
    if (jobs != null) {
      jobs.finish(results);
    }
    for (TimestampedValue<WrittenRecord> w = written.poll(); w != null; w = written.poll()) {
      context.output(writtenTag, w.getValue(), w.getTimestamp(), GlobalWindow.INSTANCE);
    }
    for (TimestampedValue<FailedRecord> f = failed.poll(); f != null; f = failed.poll()) {
      context.output(failedTag, f.getValue(), f.getTimestamp(), GlobalWindow.INSTANCE);
    }
  }

  @Teardown
  public void teardown() {
    if (lanes != null) {
      lanes.close();
    }
    if (clients != null) {
      clients.close();
    }
  }

  private ImportJobs importJobs() {
    if (jobs == null) {
      jobs =
          new ImportJobs(
              settings, new CustomerWriter(), metrics, Sleeper.DEFAULT, System::nanoTime);
    }
    return jobs;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<TimestampedValue<Customer>> asCustomers(
      List<? extends TimestampedValue<?>> records) {
    return (List) records;
  }
}
