package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A group of action types, with the text template its activities are described by. */
final class ActionTypeGroupRecord {
  final String slug;
  final String title;
  final String description;
  final ObjectNode defaultTextTemplate;

  ActionTypeGroupRecord(
      String slug, String title, String description, ObjectNode defaultTextTemplate) {
    this.slug = slug;
    this.title = title;
    this.description = description;
    this.defaultTextTemplate = defaultTextTemplate;
  }
}
