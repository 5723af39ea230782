package io.formaloo.beam.io.client;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The current token of one set of credentials, shared by every client and thread of the JVM that
 * uses them.
 *
 * <p>Renewal is single-flight: the first thread that finds the token missing or stale fetches a new
 * one while the others wait on the lock, then find the new token and use it. Invalidation after a
 * 401 only clears the token that was rejected, so many threads rejected together cause one renewal,
 * not one each.
 */
final class CachedToken {
  private final AtomicReference<AccessToken> current = new AtomicReference<>();
  private final ReentrantLock renewing = new ReentrantLock();

  /** A fresh token: the cached one, or a new one from {@code source}. */
  AccessToken get(TokenSource source, LongSupplier nanoTime) {
    AccessToken token = current.get();
    if (token != null && token.isFreshAt(nanoTime.getAsLong())) {
      return token;
    }
    renewing.lock();
    try {
      // Another thread may have renewed it while this one waited for the lock.
      token = current.get();
      if (token != null && token.isFreshAt(nanoTime.getAsLong())) {
        return token;
      }
      token = source.fetch();
      current.set(token);
      return token;
    } finally {
      renewing.unlock();
    }
  }

  /** The API rejected {@code stale}: forget it, unless another thread already replaced it. */
  void invalidate(AccessToken stale) {
    current.compareAndSet(stale, null);
  }

  /** The cached token, if any, for redacting it from text. */
  AccessToken peek() {
    return current.get();
  }
}
