package io.formaloo.beam.io.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.joda.time.Instant;

/**
 * The API's timestamps: ISO-8601 text to Beam's millisecond {@code Instant} and back.
 *
 * <p>Reading has a fast path for the one form the API uses ({@code 2019-08-24T14:15:22Z}, with an
 * optional fraction and a {@code Z} or {@code ±hh:mm} offset), because {@code
 * java.time.Instant.parse} costs about a microsecond and an activity has five timestamps. Any other
 * text goes to {@code java.time}, which decides what is valid.
 */
final class Timestamps {
  private static final long NOT_FAST = Long.MIN_VALUE;

  private Timestamps() {}

  /**
   * Parses an ISO-8601 date-time. An offset ({@code Z}, {@code +04:30}) is honoured; a date-time
   * without one is read as UTC, the zone the API documents its examples in. Digits past the
   * millisecond are dropped: Beam's {@code DATETIME} holds milliseconds.
   *
   * @throws DateTimeParseException if {@code text} is not an ISO-8601 date-time
   */
  static Instant parse(String text) {
    long millis = fastEpochMillis(text);
    if (millis != NOT_FAST) {
      return new Instant(millis);
    }
    java.time.Instant instant;
    try {
      instant = java.time.Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        throw e;
      }
    }
    return new Instant(instant.toEpochMilli());
  }

  /**
   * Formats a timestamp the way the API's examples do: UTC, {@code Z}, and a fraction only when
   * there is one ({@code 2019-08-24T14:15:22Z}, {@code 2019-08-24T14:15:22.120Z}).
   */
  static String format(Instant instant) {
    return java.time.Instant.ofEpochMilli(instant.getMillis()).toString();
  }

  /**
   * Epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}, or {@link #NOT_FAST} for
   * any other text, including out-of-range fields: those are left to {@code java.time}.
   */
  static long fastEpochMillis(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NOT_FAST;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NOT_FAST;
    }
    int i = 19;
    int millis = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int length = i - start;
      if (length == 0 || length > 9) {
        return NOT_FAST;
      }
      for (int k = 0; k < 3; k++) {
        millis = millis * 10 + (k < length ? s.charAt(start + k) - '0' : 0);
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
        return NOT_FAST;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return NOT_FAST;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return NOT_FAST;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000L + millis;
  }

  /** The non-negative number in {@code s[from, from + count)}, or -1 if it is not all digits. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
