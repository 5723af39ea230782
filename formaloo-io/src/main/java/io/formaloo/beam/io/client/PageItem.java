package io.formaloo.beam.io.client;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One item of a page as the server sent it: a record that maps onto the model, or the JSON of one
 * that does not, with why. A page of items keeps every position of the page, so a reader that
 * tracks where records are (see {@code io.formaloo.beam.io.internal.read.ListCursor}) counts an
 * unreadable record where it stood.
 *
 * @param <T> the record class
 */
public final class PageItem<T> {
  private final @Nullable T record;
  private final @Nullable String json;
  private final @Nullable String reason;

  private PageItem(@Nullable T record, @Nullable String json, @Nullable String reason) {
    this.record = record;
    this.json = json;
    this.reason = reason;
  }

  public static <T> PageItem<T> of(T record) {
    return new PageItem<>(Objects.requireNonNull(record, "record"), null, null);
  }

  public static <T> PageItem<T> unreadable(String json, String reason) {
    return new PageItem<>(null, json, reason);
  }

  /** The record; null if the item did not map onto the model. */
  public @Nullable T record() {
    return record;
  }

  /** The item's JSON as the server sent it, when it did not map onto the model. */
  public @Nullable String json() {
    return json;
  }

  /** Why the item did not map onto the model; null for a record. */
  public @Nullable String reason() {
    return reason;
  }
}
