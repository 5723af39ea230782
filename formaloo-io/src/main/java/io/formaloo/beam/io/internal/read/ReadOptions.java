package io.formaloo.beam.io.internal.read;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a read pages through its lists: the settings that {@code FormalooIO.Read} and {@code
 * FormalooIO.ReadAll} share, checked and displayed in one place.
 */
@AutoValue
public abstract class ReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Ask for pages of this many records; the server may answer with another size (trusted). */
  static final int DEFAULT_PAGE_SIZE = 100;

  /**
   * Pages in flight while a list is still: enough that a 100 ms API answers a few hundred pages a
   * second, within the client's default 32 connections.
   */
  static final int DEFAULT_MAX_CONCURRENT_PAGE_REQUESTS = 32;

  /** The page size asked for; null lets the server choose. */
  public abstract @Nullable Integer pageSize();

  public abstract int maxConcurrentPageRequests();

  public abstract boolean deduplicate();

  abstract Builder toBuilder();

  /** The defaults, with deduplication on or off. */
  public static ReadOptions defaults(boolean deduplicate) {
    return new AutoValue_ReadOptions.Builder()
        .pageSize(DEFAULT_PAGE_SIZE)
        .maxConcurrentPageRequests(DEFAULT_MAX_CONCURRENT_PAGE_REQUESTS)
        .deduplicate(deduplicate)
        .build();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder pageSize(@Nullable Integer pageSize);

    abstract Builder maxConcurrentPageRequests(int max);

    abstract Builder deduplicate(boolean deduplicate);

    abstract ReadOptions build();
  }

  public ReadOptions withPageSize(@Nullable Integer pageSize) {
    if (pageSize != null && pageSize < 1) {
      throw new IllegalArgumentException(
          "withPageSize(pageSize) must be positive, got " + pageSize);
    }
    return toBuilder().pageSize(pageSize).build();
  }

  public ReadOptions withMaxConcurrentPageRequests(int max) {
    if (max < 1) {
      throw new IllegalArgumentException(
          "withMaxConcurrentPageRequests(max) must be positive, got " + max);
    }
    return toBuilder().maxConcurrentPageRequests(max).build();
  }

  public ReadOptions withDeduplication(boolean deduplicate) {
    return toBuilder().deduplicate(deduplicate).build();
  }

  public void populateDisplayData(DisplayData.Builder builder) {
    builder
        .addIfNotNull(
            DisplayData.item("pageSize", pageSize() == null ? null : (long) pageSize())
                .withLabel("Page size asked for"))
        .add(
            DisplayData.item("maxConcurrentPageRequests", maxConcurrentPageRequests())
                .withLabel("Page requests in flight per list"))
        .add(DisplayData.item("deduplicate", deduplicate()).withLabel("Deduplicate"));
  }
}
