package io.formaloo.beam.io.internal.write;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The record writes of one {@code DoFn} instance's bundle, run on the write's shared {@link
 * WritePool}: what the bundle waits for before it ends, and what a failed bundle leaves behind.
 *
 * <p>At most {@code maxPending} of the bundle's writes are submitted and not ended at once: beyond
 * that {@link #submit} waits for one to end, which keeps memory bounded and holds back the bundle's
 * {@code @ProcessElement} while the pool is busy. Each write runs in the metrics scope of the
 * thread that submitted it, so that its metrics (the writes' and the client's) count in the bundle.
 *
 * <p>A write that throws (a configuration error, which fails the pipeline) is rethrown by the next
 * {@link #submit} or by {@link #awaitAll}, and the bundle's writes that have not started are
 * skipped: the bundle fails. {@link #discardPending} forgets the bundle's writes: a failed bundle
 * is replayed by the runner, so the writes it left are skipped if they have not started and
 * interrupted if they have, and what they still report is not waited for.
 *
 * <p>Used by one thread at a time (a {@code DoFn} instance's); its writes end on the pool's.
 */
final class BundleWrites implements AutoCloseable {
  private final WritePool pool;
  private final int maxPending;
  private final Object lock = new Object();

  /** Which bundle the writes submitted now belong to; a write of an older one is discarded. */
  private long bundle;

  /** The current bundle's writes submitted and not ended. Guarded by {@link #lock}. */
  private int pending;

  /** What the first of the current bundle's writes to fail threw. Guarded by {@link #lock}. */
  private @Nullable Throwable failure;

  /** The current bundle's writes running now. Guarded by {@link #lock}. */
  private final Set<Write> running = new HashSet<>();

  BundleWrites(WritePool pool, int maxPending) {
    this.pool = pool;
    this.maxPending = maxPending;
  }

  /**
   * Runs {@code write} on the pool, after the writes submitted before it for the same {@code
   * customer}; waits first while {@code maxPending} writes are pending.
   */
  void submit(String customer, Runnable write) throws InterruptedException {
    MetricsContainer metrics = MetricsEnvironment.getCurrentContainer();
    Write w;
    synchronized (lock) {
      while (pending >= maxPending && failure == null) {
        lock.wait();
      }
      rethrowFailure();
      pending++;
      w = new Write(bundle, write, metrics);
    }
    pool.submit(customer, w);
  }

  /** Waits until every write submitted in this bundle has ended, or one has failed. */
  void awaitAll() throws InterruptedException {
    synchronized (lock) {
      while (pending > 0 && failure == null) {
        lock.wait();
      }
      rethrowFailure();
    }
  }

  /** Forgets the writes a failed bundle left behind: the runner replays that bundle. */
  void discardPending() {
    synchronized (lock) {
      bundle++;
      pending = 0;
      failure = null;
      for (Write w : running) {
        w.runner.interrupt();
      }
      running.clear();
      lock.notifyAll();
    }
  }

  @Override
  public void close() {
    discardPending();
  }

  private void rethrowFailure() {
    Throwable f = failure;
    if (f == null) {
      return;
    }
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
    if (f instanceof Error) {
      throw (Error) f;
    }
    throw new IllegalStateException(f);
  }

  private static Closeable scope(@Nullable MetricsContainer metrics) {
    return metrics == null ? () -> {} : MetricsEnvironment.scopedMetricsContainer(metrics);
  }

  /** One record's write, as the pool runs it. */
  private final class Write implements WritePool.Write {
    private final long bundle;
    private final Runnable write;
    private final @Nullable MetricsContainer metrics;

    /** The pool thread running it, while it runs. Guarded by {@link #lock}. */
    private Thread runner;

    Write(long bundle, Runnable write, @Nullable MetricsContainer metrics) {
      this.bundle = bundle;
      this.write = write;
      this.metrics = metrics;
    }

    @Override
    public boolean run() {
      synchronized (lock) {
        if (bundle != BundleWrites.this.bundle) {
          return false; // its bundle failed: the runner writes the record again
        }
        if (failure != null) {
          // The bundle fails, and with it every record it holds: no use sending this one.
          pending--;
          lock.notifyAll();
          return false;
        }
        runner = Thread.currentThread();
        running.add(this);
      }
      Throwable failed = null;
      boolean current = false;
      try (Closeable s = scope(metrics)) {
        write.run();
      } catch (IOException e) {
        failed = new IllegalStateException("cannot leave the metrics scope", e);
      } catch (RuntimeException | Error e) {
        failed = e;
      } finally {
        synchronized (lock) {
          // Not there when its bundle was discarded meanwhile: nobody waits for it any more.
          current = running.remove(this);
          if (current) {
            pending--;
            if (failed != null && failure == null) {
              failure = failed;
            }
            lock.notifyAll();
          }
        }
        // An interrupt meant for this write must not reach the pool thread's next one.
        Thread.interrupted();
      }
      return current && failed == null;
    }
  }
}
