package io.formaloo.beam.io.internal.write;

import java.util.HashMap;
import java.util.Map;

/**
 * The worker process's {@link WritePool}s, one per write transform ({@code writerId}), shared by
 * every {@code DoFn} instance and thread that writes for it: a runner decides how many instances a
 * worker runs, and a bound held per instance would multiply with that number.
 *
 * <p>Each {@link #acquire} is paired with one {@link #release} of the same writer (in
 * {@code @Teardown}); the last release closes the pool.
 */
final class WritePools {
  /** The shared pools, by writer. Guarded by itself. */
  private static final Map<String, Shared> POOLS = new HashMap<>();

  private static final class Shared {
    final WritePool pool;
    int users;

    Shared(WritePool pool) {
      this.pool = pool;
    }
  }

  private WritePools() {}

  /**
   * The pool of {@code writerId}, created by its first user with {@code maxConcurrent} slots: a
   * writer stands for one transform, whose every user asks with the same number.
   */
  static WritePool acquire(String writerId, int maxConcurrent) {
    synchronized (POOLS) {
      Shared shared =
          POOLS.computeIfAbsent(writerId, id -> new Shared(new WritePool(maxConcurrent)));
      shared.users++;
      return shared.pool;
    }
  }

  /** Gives back one use of the pool of {@code writerId}; the last one closes it. */
  static void release(String writerId) {
    WritePool toClose = null;
    synchronized (POOLS) {
      Shared shared = POOLS.get(writerId);
      if (shared != null && --shared.users == 0) {
        POOLS.remove(writerId);
        toClose = shared.pool;
      }
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
