package io.formaloo.beam.io.write;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;

/**
 * One lane per shard for one {@code DoFn} instance: a shard's batches are written one after another
 * on its lane's thread, while the lanes of different shards run at once.
 *
 * <p>Why: a runner may put batches of several shards in one bundle, and a {@code DoFn} processes a
 * bundle's elements one by one. Written in turn, those shards would share one shard's request rate
 * while the others' budgets went unused. On lanes, each shard keeps to its own share whatever the
 * bundles look like.
 *
 * <p>Work runs in the metrics scope of the thread that submitted it, so that its metrics (the
 * writes' and the client's) count in the bundle. At most {@link #maxPending} batches wait at once:
 * beyond that, {@link #submit} waits for the oldest, which keeps memory bounded. {@link #awaitAll}
 * ends every lane's work before the bundle ends, and rethrows the first failure (a configuration
 * error, which fails the pipeline).
 */
final class ShardLanes implements AutoCloseable {
  private static final long IDLE_SECONDS = 30;

  private final int maxPending;
  private final Map<Integer, ExecutorService> lanes = new HashMap<>();
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  ShardLanes(int maxPending) {
    this.maxPending = maxPending;
  }

  /** Runs {@code work} on the lane of {@code shard}, after the shard's earlier work. */
  void submit(int shard, Runnable work) throws InterruptedException {
    while (pending.size() >= maxPending) {
      await(pending.removeFirst());
    }
    MetricsContainer metrics = MetricsEnvironment.getCurrentContainer();
    pending.addLast(
        lane(shard)
            .submit(
                () -> {
                  try (Closeable scope = scope(metrics)) {
                    work.run();
                  } catch (IOException e) {
                    throw new IllegalStateException("cannot leave the metrics scope", e);
                  }
                }));
  }

  /** Waits for all submitted work to end. */
  void awaitAll() throws InterruptedException {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  /** Cancels work a failed bundle left behind: the runner replays that bundle. */
  void discardPending() {
    for (Future<?> work : pending) {
      work.cancel(true);
    }
    pending.clear();
  }

  @Override
  public void close() {
    for (ExecutorService lane : lanes.values()) {
      lane.shutdownNow();
    }
    lanes.clear();
    pending.clear();
  }

  private ExecutorService lane(int shard) {
    return lanes.computeIfAbsent(
        shard,
        s -> {
          ThreadPoolExecutor lane =
              new ThreadPoolExecutor(
                  1,
                  1,
                  IDLE_SECONDS,
                  TimeUnit.SECONDS,
                  new LinkedBlockingQueue<>(),
                  r -> {
                    Thread t = new Thread(r, "formaloo-write-shard-" + s);
                    t.setDaemon(true);
                    return t;
                  });
          lane.allowCoreThreadTimeOut(true);
          return lane;
        });
  }

  private static Closeable scope(MetricsContainer metrics) {
    return metrics == null ? () -> {} : MetricsEnvironment.scopedMetricsContainer(metrics);
  }

  private void await(Future<?> work) throws InterruptedException {
    try {
      work.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }
}
