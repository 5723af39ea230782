package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.read.ListQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a date range into one query per day. A day's list is small and, once the day is past,
 * stable: a long backfill becomes many parallel queries whose pages hardly shift.
 */
public final class DayQueries {
  private DayQueries() {}

  /**
   * One query per day from {@code from} to {@code to}, both included, each with {@code filter} set
   * to its day beside {@code filters}.
   */
  public static <T> List<ListQuery<T>> split(
      ListEndpoint<T> endpoint,
      Map<String, String> filters,
      String filter,
      LocalDate from,
      LocalDate to) {
    List<ListQuery<T>> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Map<String, String> dayFilters = new LinkedHashMap<>(filters);
      dayFilters.put(filter, day.toString());
      days.add(ListQuery.of(endpoint, dayFilters));
    }
    return days;
  }
}
