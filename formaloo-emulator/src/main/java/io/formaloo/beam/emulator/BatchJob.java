package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A customer batch import job; its status moves on in the background (see {@link BatchImporter}).
 */
final class BatchJob {
  enum Status {
    NEW("new"),
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    IMPORTED("imported"),
    FAILED("failed"),
    CANCELED("canceled");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }

    boolean isFinal() {
      return this == IMPORTED || this == FAILED || this == CANCELED;
    }
  }

  final String slug;
  final ArrayNode customersData;
  final Instant createdAt;
  volatile Status status = Status.NEW;
  volatile Instant importedAt;
  volatile ObjectNode importResults;

  BatchJob(String slug, ArrayNode customersData, Instant createdAt) {
    this.slug = slug;
    this.customersData = customersData;
    this.createdAt = createdAt;
  }
}
