package io.formaloo.beam.io.internal.write;

import java.util.Locale;

/**
 * Which of the writer's shards a record goes to, from the identity of the customer it concerns: the
 * writes for one customer then stay in one shard, and in one batch's order, so that the write pool
 * can keep them one after the other ({@link WritePool}) and two of them never race to create the
 * same customer.
 */
final class Shards {
  private Shards() {}

  /** The shard, in {@code [0, shards)}, for a customer identity (email, else phone, else code). */
  static int of(String identity, int shards) {
    return Math.floorMod(mix(key(identity).hashCode()), shards);
  }

  /** The customer an identity stands for: e-mail addresses are not case-sensitive. */
  static String key(String identity) {
    return identity.toLowerCase(Locale.ROOT);
  }

  /** MurmurHash3's finalizer: spreads {@code String.hashCode}'s clustered low bits. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
