package io.formaloo.beam.io.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JVM's rate controllers, one per account: base URL, auth flow, credentials and business.
 * Static because the API's limit belongs to the account, not to a client: a worker runs many
 * clients (one per read transform, one per write transform) and every one of them must spend the
 * same budget, or each would find the limit on its own and together they would overrun it.
 */
final class RateControllers {
  private static final ConcurrentMap<String, RateController> CONTROLLERS =
      new ConcurrentHashMap<>();

  private RateControllers() {}

  /** The shared controller of the account {@code key} stands for (see Secrets#cacheKey). */
  static RateController forKey(String key, ClientEnvironment env) {
    return CONTROLLERS.computeIfAbsent(key, k -> new RateController(env.nanoTime, env.sleeper));
  }

  /** The highest current rate of the JVM's controllers, or NaN if there are none. */
  static double highestRate() {
    double highest = Double.NaN;
    for (RateController c : CONTROLLERS.values()) {
      double rate = c.currentRate();
      highest = Double.isNaN(highest) ? rate : Math.max(highest, rate);
    }
    return highest;
  }

  /** Forgets every controller; for tests that need a fresh one. */
  static void clear() {
    CONTROLLERS.clear();
  }
}
