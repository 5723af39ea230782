package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the store keeps it. Mutable, guarded by the store's lock. Kept small (no JSON until
 * it is rendered) so that a million seeded customers fit comfortably in memory.
 */
final class CustomerRecord {
  final UUID code;
  String fullName;
  String email;
  String phoneNumber;
  ObjectNode customerData;
  List<TagRecord> tags;
  int score;
  final Instant createdAt;
  Instant updatedAt;

  /** Served with a {@code created_at} that is not a timestamp: a record no client can map. */
  boolean malformed;

  CustomerRecord(UUID code, Instant createdAt) {
    this.code = code;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  String code() {
    return code.toString();
  }

  /** The customer's short slug, derived from its code so that it costs no memory. */
  String slug() {
    return Long.toHexString(code.getMostSignificantBits() >>> 16);
  }

  /** The customer's level: derived from the score, as the service ranks customers by score. */
  int level() {
    return Math.max(0, score / 100);
  }
}
