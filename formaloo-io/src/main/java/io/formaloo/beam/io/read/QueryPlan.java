package io.formaloo.beam.io.read;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What reading page 1 of a query taught: how many records and pages the list had then, and at what
 * page size. The pages after the first are the restriction that {@link ReadPagesFn} splits.
 *
 * @param <T> the records the list holds
 */
final class QueryPlan<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  final ListQuery<T> query;

  /** The list's size when page 1 was read; changes later are measured against it. */
  final long plannedCount;

  /** The page size the server answered with (trusted over the one asked for). */
  final int pageSize;

  /** The last page that existed when page 1 was read. */
  final long lastPage;

  QueryPlan(ListQuery<T> query, long plannedCount, int pageSize, long lastPage) {
    this.query = query;
    this.plannedCount = plannedCount;
    this.pageSize = pageSize;
    this.lastPage = lastPage;
  }

  // Equal encodings mean equal values: runners compare elements by their encodings.
  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof QueryPlan)) {
      return false;
    }
    QueryPlan<?> o = (QueryPlan<?>) other;
    return query.equals(o.query)
        && plannedCount == o.plannedCount
        && pageSize == o.pageSize
        && lastPage == o.lastPage;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(query, plannedCount, pageSize, lastPage);
  }

  @Override
  public String toString() {
    return query
        + " ("
        + plannedCount
        + " records, pages of "
        + pageSize
        + ", last page "
        + lastPage
        + ")";
  }
}
