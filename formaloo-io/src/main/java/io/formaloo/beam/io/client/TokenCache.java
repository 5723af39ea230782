package io.formaloo.beam.io.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JVM's tokens, one per set of credentials (base URL, flow, key and secret). Static because
 * Beam creates a client per {@code DoFn} instance, often several per worker: they all share one
 * token and renew it once, instead of each asking the API for its own.
 */
final class TokenCache {
  private static final ConcurrentMap<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

  private TokenCache() {}

  /** The shared token of the credentials that {@code key} stands for (see Secrets#cacheKey). */
  static CachedToken forKey(String key) {
    return TOKENS.computeIfAbsent(key, k -> new CachedToken());
  }

  /** Forgets every token; for tests that restart an emulator on a port seen before. */
  static void clear() {
    TOKENS.clear();
  }
}
