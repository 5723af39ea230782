package io.formaloo.beam.io.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client per shard of a writer, shared by every thread of the JVM that writes for that shard,
 * so that a shard's share of the rate budget holds however many threads the runner gives it.
 *
 * <p>An instance belongs to one {@code DoFn} instance: it takes the clients it needs as they are
 * needed, and gives them back on {@link #close()}; the last user of a client closes it.
 */
final class ShardClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShardClients.class);

  /** The shared clients, by writer and shard. Guarded by itself. */
  private static final Map<String, Shared> SHARED = new HashMap<>();

  private static final class Shared {
    final FormalooClient client;
    int users;

    Shared(FormalooClient client) {
      this.client = client;
    }
  }

  private final WriteSettings settings;
  private final FormalooConfig shardConfig;
  private final Map<Integer, FormalooClient> mine = new HashMap<>();

  ShardClients(WriteSettings settings) {
    this.settings = settings;
    this.shardConfig = settings.shardConfig();
  }

  /** The client of {@code shard}. */
  FormalooClient forShard(int shard) {
    FormalooClient client = mine.get(shard);
    if (client == null) {
      client = acquire(key(shard), shardConfig);
      mine.put(shard, client);
    }
    return client;
  }

  @Override
  public void close() {
    for (Integer shard : mine.keySet()) {
      release(key(shard));
    }
    mine.clear();
  }

  private String key(int shard) {
    return settings.writerId() + "#" + shard;
  }

  private static FormalooClient acquire(String key, FormalooConfig config) {
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

  private static void release(String key) {
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
        LOG.debug("closing a shard client failed", e);
      }
    }
  }
}
