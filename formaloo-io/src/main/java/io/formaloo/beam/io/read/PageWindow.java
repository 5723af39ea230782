package io.formaloo.beam.io.read;

import io.formaloo.beam.io.model.Page;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Keeps up to {@code maxInFlight} page requests going ahead of the page being processed, so that
 * one worker's throughput is not one round trip per page. Only the pages that the restriction still
 * holds are fetched ahead; fetches past a split point are cancelled. A GET of a page is idempotent,
 * so a fetch that turns out not to be needed costs a request, never correctness.
 *
 * <p>Used by one thread (the one processing the restriction); the fetches run on {@code pool}.
 */
final class PageWindow<T> implements AutoCloseable {
  private final ExecutorService pool;
  private final LongFunction<Page<T>> fetch;
  private final int maxInFlight;
  private final TreeMap<Long, Future<Page<T>>> inFlight = new TreeMap<>();

  /** The processing thread's metrics, so fetches on the pool count where the runner looks. */
  private final @Nullable MetricsContainer metrics = MetricsEnvironment.getCurrentContainer();

  PageWindow(ExecutorService pool, LongFunction<Page<T>> fetch, int maxInFlight) {
    this.pool = pool;
    this.fetch = fetch;
    this.maxInFlight = maxInFlight;
  }

  private Page<T> fetchCounted(long page) throws IOException {
    if (metrics == null) {
      return fetch.apply(page);
    }
    try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(metrics)) {
      return fetch.apply(page);
    }
  }

  /**
   * Page {@code page}, waiting for it if needed; first starts fetches of the pages after it, up to
   * {@code endExclusive} and the in-flight bound.
   */
  Page<T> get(long page, long endExclusive) {
    // Fetches behind the page or past the (possibly shrunk) restriction are no longer needed.
    inFlight.headMap(page, false).values().forEach(f -> f.cancel(true));
    inFlight.headMap(page, false).clear();
    Map<Long, Future<Page<T>>> beyond = inFlight.tailMap(endExclusive, true);
    beyond.values().forEach(f -> f.cancel(true));
    beyond.clear();
    for (long next = page; next < endExclusive && inFlight.size() < maxInFlight; next++) {
      long p = next;
      inFlight.computeIfAbsent(p, k -> pool.submit(() -> fetchCounted(p)));
    }
    Future<Page<T>> future = inFlight.remove(page);
    if (future == null) {
      return fetch.apply(page);
    }
    return await(future);
  }

  private Page<T> await(Future<Page<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching a page", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (CancellationException e) {
      throw new IllegalStateException("a page fetch was cancelled while it was awaited", e);
    }
  }

  /** Cancels every fetch still running: the restriction is done or was split away. */
  @Override
  public void close() {
    inFlight.values().forEach(f -> f.cancel(true));
    inFlight.clear();
  }
}
