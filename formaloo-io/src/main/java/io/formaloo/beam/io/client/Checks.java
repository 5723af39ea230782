package io.formaloo.beam.io.client;

import java.time.Duration;

/** Argument checks whose messages name the setting at fault. */
final class Checks {
  private Checks() {}

  static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  static <T> T notNull(String setting, T value) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must be set");
    }
    return value;
  }

  static String notBlank(String setting, String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    return value;
  }

  static Duration positive(String setting, Duration value) {
    notNull(setting, value);
    check(!value.isNegative() && !value.isZero(), "%s must be positive, got %s", setting, value);
    return value;
  }
}
