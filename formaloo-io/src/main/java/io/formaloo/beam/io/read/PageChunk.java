package io.formaloo.beam.io.read;

import java.io.Serializable;

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

  @Override
  public String toString() {
    return plan.query + " pages [" + fromPage + ", " + toPage + ")";
  }
}
