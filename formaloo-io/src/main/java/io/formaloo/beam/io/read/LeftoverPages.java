package io.formaloo.beam.io.read;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Page fetches that a {@link PageWindow} had started when its restriction stopped short: the runner
 * checkpointed it (the Direct runner does after a second of work) or split the rest away. The pages
 * belong to the rest of the restriction, which is usually resumed soon in the same JVM; keeping the
 * fetches here lets it take them instead of sending the same requests again. Under a rate limit
 * this matters: every request thrown away is budget lost (about one request in six, measured with
 * the Direct runner at 40 requests/s, before this existed).
 *
 * <p>Bounded: at most {@value #MAX_PAGES} fetches for the whole JVM, none older than {@value
 * #MAX_AGE_SECONDS} s; the oldest are cancelled to make room. A page taken from here is one fetched
 * ahead, as any page of a {@link PageWindow}: the reader's checks of the list's count treat it so.
 */
final class LeftoverPages {
  static final int MAX_PAGES = 128;
  static final long MAX_AGE_SECONDS = 30;

  /** A page of a query of one read, at one page size. */
  record Key(String readKey, ListQuery<?> query, int pageSize, long page) {}

  private record Left(Future<?> fetch, long leftAtNanos) {}

  /** In the order they were left. Guarded by itself. */
  private static final Map<Key, Left> LEFT = new LinkedHashMap<>();

  private LeftoverPages() {}

  /** Keeps {@code fetch} of the page {@code key} for whoever reads that page next. */
  static void leave(Key key, Future<?> fetch) {
    long now = System.nanoTime();
    synchronized (LEFT) {
      Left replaced = LEFT.put(key, new Left(fetch, now));
      if (replaced != null) {
        replaced.fetch.cancel(true);
      }
      Iterator<Left> oldestFirst = LEFT.values().iterator();
      while (oldestFirst.hasNext()) {
        Left left = oldestFirst.next();
        if (LEFT.size() <= MAX_PAGES
            && now - left.leftAtNanos <= MAX_AGE_SECONDS * 1_000_000_000L) {
          break;
        }
        left.fetch.cancel(true);
        oldestFirst.remove();
      }
    }
  }

  /**
   * The fetch left for the page {@code key}, running or done, if one is here, recent and did not
   * fail (a failed one is fetched again, with the client's retries).
   */
  @SuppressWarnings("unchecked")
  static <T> @Nullable Future<T> take(Key key) {
    Left left;
    synchronized (LEFT) {
      left = LEFT.remove(key);
    }
    if (left == null
        || System.nanoTime() - left.leftAtNanos > MAX_AGE_SECONDS * 1_000_000_000L
        || failed(left.fetch)) {
      if (left != null) {
        left.fetch.cancel(true);
      }
      return null;
    }
    return (Future<T>) left.fetch;
  }

  private static boolean failed(Future<?> fetch) {
    if (!fetch.isDone()) {
      return false;
    }
    if (fetch.isCancelled()) {
      return true;
    }
    try {
      fetch.get();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** How many fetches are kept now; for tests. */
  static int size() {
    synchronized (LEFT) {
      return LEFT.size();
    }
  }
}
