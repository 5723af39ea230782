package io.formaloo.beam.io.internal.client;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients shared by every {@code DoFn} instance and thread of a JVM that asks with the same key:
 * one connection pool and one ceiling ({@link io.formaloo.beam.io.client.RateLimit}) however many
 * instances a runner makes. A runner decides how many instances of a {@code DoFn} a worker runs; a
 * ceiling held per instance would multiply or shrink with that number. (The adaptive rate under the
 * ceilings is shared more widely still: by every client of the JVM for one account, whatever its
 * key.)
 *
 * <p>Each {@link #acquire} is paired with one {@link #release} of the same key (in
 * {@code @Teardown}); the last release closes the client.
 */
public final class SharedClients {
  private static final Logger LOG = LoggerFactory.getLogger(SharedClients.class);

  /** The shared clients, by key. Guarded by itself. */
  private static final Map<Object, Shared> SHARED = new HashMap<>();

  private static final class Shared {
    final FormalooClient client;
    int users;

    Shared(FormalooClient client) {
      this.client = client;
    }
  }

  private SharedClients() {}

  /**
   * The client shared under {@code key}, created from {@code config} by its first user. A key must
   * stand for one config: users of the same key get the first user's client.
   */
  public static FormalooClient acquire(Object key, FormalooConfig config) {
    synchronized (SHARED) {
      Shared shared = SHARED.get(key);
      if (shared == null) {
        shared = new Shared(FormalooClient.create(config));
        SHARED.put(key, shared);
      }
      shared.users++;
      return shared.client;
    }
  }

  /** Gives back one use of the client shared under {@code key}; the last one closes it. */
  public static void release(Object key) {
    FormalooClient toClose = null;
    synchronized (SHARED) {
      Shared shared = SHARED.get(key);
      if (shared != null && --shared.users == 0) {
        SHARED.remove(key);
        toClose = shared.client;
      }
    }
    if (toClose != null) {
      try {
        toClose.close();
      } catch (IOException e) {
        LOG.debug("closing a shared client failed", e);
      }
    }
  }
}
