package io.formaloo.beam.io.read;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A run of pages of a planned query, {@code [fromPage, toPage)}: the unit the read distributes
 * across workers, and the initial restriction of {@link ReadPagesFn}, which runners may split
 * further while it runs.
 */
final class PageChunk<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  final QueryPlan<T> plan;
  final long fromPage;
  final long toPage;

  PageChunk(QueryPlan<T> plan, long fromPage, long toPage) {
    this.plan = plan;
    this.fromPage = fromPage;
    this.toPage = toPage;
  }

  // Equal encodings mean equal values: runners compare elements by their encodings.
  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof PageChunk)) {
      return false;
    }
    PageChunk<?> o = (PageChunk<?>) other;
    return plan.equals(o.plan) && fromPage == o.fromPage && toPage == o.toPage;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(plan, fromPage, toPage);
  }

  @Override
  public String toString() {
    return plan.query + " pages [" + fromPage + ", " + toPage + ")";
  }
}
