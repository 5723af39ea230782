package io.formaloo.beam.pipelines.files;

import java.util.List;
import java.util.stream.Collectors;

/** CSV as RFC 4180 writes it, the form {@link CsvReader} reads. */
public final class CsvText {
  private CsvText() {}

  /** One field: quoted when it holds a comma, a quote or a line break. */
  static String escape(String field) {
    if (field == null) {
      return "";
    }
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }

  /** One line, without its line break. */
  public static String line(List<?> fields) {
    return fields.stream()
        .map(f -> escape(f == null ? null : f.toString()))
        .collect(Collectors.joining(","));
  }
}
