package io.formaloo.beam.io.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait the header asks for, or empty when there is no header or it cannot be read. A date in
   * the past asks for no wait.
   */
  static Optional<Duration> parse(@Nullable String header, Clock clock) {
    if (header == null || header.trim().isEmpty()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        // More digits than a long holds: as good as forever, and the cap applies anyway.
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
