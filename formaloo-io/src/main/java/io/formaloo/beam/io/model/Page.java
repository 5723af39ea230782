package io.formaloo.beam.io.model;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One page of a list endpoint: {@code {count, next, previous, page_size, page_count, current_page,
 * <list key>: [...]}} (Django REST Framework style). Read with {@link ModelJson#parsePage(String,
 * String, Class)}.
 *
 * <p>The reference marks every page field optional, so they are nullable here; a reader should
 * trust what the server answers over what it asked for ({@code page_size} especially).
 *
 * @param <T> the record class
 */
@AutoValue
public abstract class Page<T> {

  /** The JSON key that held the records, e.g. {@code customers}. */
  public abstract String getListKey();

  /** JSON {@code count}: records in the whole list. */
  public abstract @Nullable Long getCount();

  /** JSON {@code next}: the absolute URL of the next page; null on the last page. */
  public abstract @Nullable String getNext();

  /** JSON {@code previous}: the absolute URL of the previous page; null on the first page. */
  public abstract @Nullable String getPrevious();

  /** JSON {@code page_size}: records per page, as the server applies it. */
  public abstract @Nullable Integer getPageSize();

  /** JSON {@code page_count}: pages in the whole list. */
  public abstract @Nullable Integer getPageCount();

  /** JSON {@code current_page}: this page's number, from 1. */
  public abstract @Nullable Integer getCurrentPage();

  /** The page's records, in the order the server sent them; unmodifiable. */
  public abstract List<T> getRecords();

  /** Whether the server says there is a page after this one. */
  public boolean hasNext() {
    return getNext() != null;
  }

  public static <T> Builder<T> builder() {
    return new AutoValue_Page.Builder<T>();
  }

  public abstract Builder<T> toBuilder();

  /** Builds a {@link Page}. */
  @AutoValue.Builder
  public abstract static class Builder<T> {
    public abstract Builder<T> setListKey(String listKey);

    public abstract Builder<T> setCount(@Nullable Long count);

    public abstract Builder<T> setNext(@Nullable String next);

    public abstract Builder<T> setPrevious(@Nullable String previous);

    public abstract Builder<T> setPageSize(@Nullable Integer pageSize);

    public abstract Builder<T> setPageCount(@Nullable Integer pageCount);

    public abstract Builder<T> setCurrentPage(@Nullable Integer currentPage);

    /** Sets the records; the list is copied. */
    public abstract Builder<T> setRecords(List<T> records);

    abstract List<T> getRecords();

    abstract Page<T> autoBuild();

    public Page<T> build() {
      setRecords(List.copyOf(getRecords()));
      return autoBuild();
    }
  }
}
