package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.internal.FormalooLineage;
import io.formaloo.beam.io.internal.client.SharedClients;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
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
 * Writes each batch with the write's client: record by record on the write's pool ({@link
 * WritePool}: up to its {@code maxConcurrentRequests} at once in the worker process, one customer's
 * records in turn), or, for customers in a batch above the bulk import threshold, as one bulk
 * import job ({@link ImportJobs}).
 *
 * <p>Neither waits for the batch to be written: the pool writes while the thread takes the next
 * batch (up to a bound of records pending, beyond which it waits), and jobs run on the server while
 * it polls them. Outcomes are kept and output when the bundle finishes, after every record's write
 * has ended and every job has ended. Every outcome carries its input record's timestamp; the input
 * is in the global window (the write batches in one window and gives the results the input's
 * windowing afterwards).
 */
final class WriteBatchFn<T>
    extends DoFn<KV<Integer, Iterable<TimestampedValue<T>>>, WrittenRecord> {
  private static final long serialVersionUID = 1L;

  private final WriteTarget<T> target;
  private final WriteSettings settings;
  private final TupleTag<WrittenRecord> writtenTag;
  private final TupleTag<FailedRecord> failedTag;

  private transient FormalooClient client;
  private transient BundleWrites writes;
  private transient WriteMetrics metrics;
  private transient RecordWriter<T> writer;
  private transient @Nullable ImportJobs jobs;
  private transient Outcomes outcomes;

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
    // One client and one pool per write in the process, whatever the shards and instances: one
    // ceiling and one bound on the requests in flight for the whole write.
    client = SharedClients.acquire(settings.writerId(), settings.clientConfig());
    writes =
        new BundleWrites(
            WritePools.acquire(settings.writerId(), settings.maxConcurrentRequests()),
            settings.maxPendingPerInstance());
    metrics = new WriteMetrics();
    writer = target.writer();
  }

  @StartBundle
  public void startBundle() {
    // What a failed bundle left is forgotten, its late outcomes going to its own, dropped buffer.
    writes.discardPending();
    outcomes = new Outcomes(metrics);
    jobs = null;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<TimestampedValue<T>>> batch)
      throws InterruptedException {
    FormalooLineage.reportSink(settings.business(), target.name());
    List<TimestampedValue<T>> records = new ArrayList<>();
    batch.getValue().forEach(records::add);
    metrics.batches.inc();
    metrics.batchRecords.update(records.size());
    Results results = outcomes.results;
    if (target.supportsBulkImport() && settings.bulkImportFor(records.size())) {
      importJobs().start(client, batch.getKey(), asCustomers(records), results);
      return;
    }
    for (TimestampedValue<T> record : records) {
      writes.submit(
          Shards.key(target.customerIdentity(record.getValue())),
          () -> writer.write(client, record, results));
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws InterruptedException {
    writes.awaitAll();
    if (jobs != null) {
      jobs.finish(outcomes.results);
    }
    outcomes.outputTo(context, writtenTag, failedTag);
  }

  @Teardown
  public void teardown() {
    if (writes != null) {
      writes.close();
      WritePools.release(settings.writerId());
    }
    if (client != null) {
      SharedClients.release(settings.writerId());
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

  /** One bundle's outcomes, reported from the pool's threads and output when the bundle ends. */
  private static final class Outcomes implements Results.Emitter {
    private final Queue<TimestampedValue<WrittenRecord>> written = new ConcurrentLinkedQueue<>();
    private final Queue<TimestampedValue<FailedRecord>> failed = new ConcurrentLinkedQueue<>();
    final Results results;

    Outcomes(WriteMetrics metrics) {
      this.results = new Results(this, metrics);
    }

    @Override
    public void written(WrittenRecord record, Instant timestamp) {
      written.add(TimestampedValue.of(record, timestamp));
    }

    @Override
    public void failed(FailedRecord record, Instant timestamp) {
      failed.add(TimestampedValue.of(record, timestamp));
    }

    void outputTo(
        DoFn<?, ?>.FinishBundleContext context,
        TupleTag<WrittenRecord> writtenTag,
        TupleTag<FailedRecord> failedTag) {
      for (TimestampedValue<WrittenRecord> w = written.poll(); w != null; w = written.poll()) {
        context.output(writtenTag, w.getValue(), w.getTimestamp(), GlobalWindow.INSTANCE);
      }
      for (TimestampedValue<FailedRecord> f = failed.poll(); f != null; f = failed.poll()) {
        context.output(failedTag, f.getValue(), f.getTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }
}
