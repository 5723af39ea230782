package io.formaloo.beam.io.read;

import io.formaloo.beam.io.client.ListEndpoint;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One list to read: an endpoint and its filters. Queries are data: a {@code PCollection} of them is
 * read in parallel by {@link io.formaloo.beam.io.FormalooIO.ReadAll}.
 *
 * @param <T> the records the list holds
 */
public final class ListQuery<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ListEndpoint<T> endpoint;
  private final TreeMap<String, String> filters;

  private ListQuery(ListEndpoint<T> endpoint, Map<String, String> filters) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.filters = new TreeMap<>(filters);
    if (this.filters.containsKey("page") || this.filters.containsKey("page_size")) {
      throw new IllegalArgumentException(
          "filters must not set page or page_size: the read chooses pages itself");
    }
  }

  /** The whole list. */
  public static <T> ListQuery<T> of(ListEndpoint<T> endpoint) {
    return new ListQuery<>(endpoint, Collections.emptyMap());
  }

  /** The list with query filters, named as the API names them (e.g. {@code search}). */
  public static <T> ListQuery<T> of(ListEndpoint<T> endpoint, Map<String, String> filters) {
    return new ListQuery<>(endpoint, filters);
  }

  public ListEndpoint<T> endpoint() {
    return endpoint;
  }

  /** The filters, sorted by name. */
  public Map<String, String> filters() {
    return Collections.unmodifiableMap(filters);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ListQuery)) {
      return false;
    }
    ListQuery<?> other = (ListQuery<?>) o;
    return endpoint.path().equals(other.endpoint.path()) && filters.equals(other.filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint.path(), filters);
  }

  /** E.g. {@code /activities?activity_date=2026-03-01}: what logs and errors name. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(endpoint.path());
    char separator = '?';
    for (Map.Entry<String, String> f : filters.entrySet()) {
      s.append(separator).append(f.getKey()).append('=').append(f.getValue());
      separator = '&';
    }
    return s.toString();
  }
}
