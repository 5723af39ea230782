package io.formaloo.beam.io.internal.write;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Characters the API refuses in any text field, as DRF's {@code CharField} does with its default
 * validators: a NUL ({@code ProhibitNullCharactersValidator}; PostgreSQL text cannot hold one) and
 * a surrogate that is not half of a pair ({@code ProhibitSurrogateCharactersValidator}; no UTF-8
 * can encode one). Checked before sending so that such a record fails as {@code INVALID} with the
 * API's own message, whatever the server does with it. Valid text of any script, emoji, combining
 * marks, direction marks and byte order marks included, passes untouched.
 */
final class TextChecks {
  private TextChecks() {}

  /** Adds the problem of {@code text}, if it has one, to {@code problems} under {@code field}. */
  static void check(FieldProblems problems, String field, @Nullable String text) {
    String problem = problem(text);
    if (problem != null) {
      problems.add(field, problem);
    }
  }

  /** DRF's message for the first character of {@code text} the API refuses, or null. */
  static @Nullable String problem(@Nullable String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return "Null characters are not allowed.";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("Surrogate characters are not allowed: U+%X.", (int) c);
      }
    }
    return null;
  }
}
