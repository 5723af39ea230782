package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An action type: what an activity is (signup, purchase, ...). */
final class ActionTypeRecord {
  final String slug;
  String title;
  String description;
  String defaultOperationType;
  ObjectNode activityTextTemplate;
  int actionScore;
  ActionTypeGroupRecord group;
  final boolean owned;
  final Instant createdAt;
  Instant updatedAt;

  ActionTypeRecord(String slug, boolean owned, Instant createdAt) {
    this.slug = slug;
    this.owned = owned;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }
}
