package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.internal.client.SharedClients;
import java.util.UUID;

/**
 * The clients of the reads: one per read transform and JVM, shared by all its {@code DoFn}
 * instances and threads (see {@link SharedClients}). So the config's {@link
 * FormalooConfig#rateLimit() rate limit} is the budget of one read in one worker process, however
 * many {@code DoFn} instances the runner makes, and its {@link FormalooConfig#maxConnections()
 * connections} the most requests the read has open there at once.
 *
 * <p>A read is known by a key made when the transform is built ({@link #newKey()}) and serialized
 * with its {@code DoFn}s: the config cannot be the key, as credentials from a provider compare by
 * identity, and every {@code DoFn} instance has its own deserialized copy.
 */
final class ReadClients {
  private ReadClients() {}

  static String newKey() {
    return "read-" + UUID.randomUUID();
  }

  static FormalooClient acquire(String key, FormalooConfig config) {
    return SharedClients.acquire(key, config);
  }

  /** Gives back what {@link #acquire} took, once. */
  static void release(String key) {
    SharedClients.release(key);
  }
}
