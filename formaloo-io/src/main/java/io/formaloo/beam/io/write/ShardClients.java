package io.formaloo.beam.io.write;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.SharedClients;
import java.util.HashMap;
import java.util.Map;

/**
 * One client per shard of a writer, shared by every thread of the JVM that writes for that shard,
 * so that a shard's share of the rate budget holds however many threads the runner gives it.
 *
 * <p>An instance belongs to one {@code DoFn} instance: it takes the clients it needs as they are
 * needed, and gives them back on {@link #close()}; the last user of a client closes it.
 */
final class ShardClients implements AutoCloseable {
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
      client = SharedClients.acquire(key(shard), shardConfig);
      mine.put(shard, client);
    }
    return client;
  }

  @Override
  public void close() {
    for (Integer shard : mine.keySet()) {
      SharedClients.release(key(shard));
    }
    mine.clear();
  }

  private String key(int shard) {
    return settings.writerId() + "#" + shard;
  }
}
