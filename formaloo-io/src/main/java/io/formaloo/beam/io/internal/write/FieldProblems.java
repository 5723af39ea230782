package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.ModelJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Problems found in one record, keyed by field as the API's own (DRF) errors are, so that a failure
 * found before sending reads like one the API answered.
 */
final class FieldProblems {
  /** DRF's key for errors that belong to no one field. */
  static final String NON_FIELD = "non_field_errors";

  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  FieldProblems add(String field, String message) {
    problems.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    return this;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  Map<String, List<String>> asMap() {
    return problems;
  }

  /** {@code field: message message; field: message}. */
  String summary() {
    return summary(problems);
  }

  static String summary(Map<String, List<String>> fieldErrors) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, List<String>> e : fieldErrors.entrySet()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(e.getKey()).append(": ").append(String.join(" ", e.getValue()));
    }
    return s.toString();
  }

  /** The problems as JSON text, or null when there are none. */
  @Nullable String toJson() {
    return toJson(problems);
  }

  static @Nullable String toJson(Map<String, List<String>> fieldErrors) {
    return fieldErrors.isEmpty() ? null : ModelJson.jsonText(fieldErrors);
  }
}
