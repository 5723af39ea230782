package io.formaloo.beam.emulator;

/** A tag that customers and action types carry. */
final class TagRecord {
  final String slug;
  String title;
  String description;

  TagRecord(String slug, String title, String description) {
    this.slug = slug;
    this.title = title;
    this.description = description;
  }
}
