package io.formaloo.beam.pipelines.cli;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The days of activities a run covers, from {@code --since} to {@code --until}, both included.
 *
 * @param since the first day
 * @param until the last day
 */
public record DateWindow(LocalDate since, LocalDate until) implements Serializable {

  /**
   * The window the options give, or null for none: {@code --until} defaults to today (UTC), and
   * needs {@code --since}.
   *
   * @throws InvalidOptionException naming the option that is wrong
   */
  public static DateWindow parse(String since, String until) {
    LocalDate from = date("since", since);
    LocalDate to = date("until", until);
    if (from == null && to == null) {
      return null;
    }
    if (from == null) {
      throw new InvalidOptionException("--until needs --since: the first day of the window");
    }
    if (to == null) {
      to = LocalDate.now(ZoneOffset.UTC);
    }
    if (from.isAfter(to)) {
      throw new InvalidOptionException(
          "--since (" + from + ") must not be after --until (" + to + ")");
    }
    return new DateWindow(from, to);
  }

  /** Whether {@code day} is in the window. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(since) && !day.isAfter(until);
  }

  private static LocalDate date(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidOptionException(
          "--" + option + " must be a date like 2026-01-31, got " + value);
    }
  }

  @Override
  public String toString() {
    return since + " .. " + until;
  }
}
