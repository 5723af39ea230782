package io.formaloo.beam.pipelines.files;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import java.util.Locale;

/** The formats export writes. */
public enum OutputFormat {
  /** JSON Lines: one record a line, in the API's own JSON ({@code ModelJson}). */
  JSONL(".jsonl"),
  /** Avro container files, with the API's field names. */
  AVRO(".avro"),
  /** Parquet files (Snappy), with the API's field names. */
  PARQUET(".parquet");

  private final String suffix;

  OutputFormat(String suffix) {
    this.suffix = suffix;
  }

  /** The file name suffix, e.g. {@code .jsonl}. */
  public String suffix() {
    return suffix;
  }

  /** The option's value, in any case. */
  public static OutputFormat parse(String value) {
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(String.valueOf(value).trim())) {
        return format;
      }
    }
    throw new InvalidOptionException("--format must be jsonl, avro or parquet, got " + value);
  }

  /** The format of a file by its name, or null. */
  public static OutputFormat ofFile(String name) {
    for (OutputFormat format : values()) {
      if (name.toLowerCase(Locale.ROOT).endsWith(format.suffix)) {
        return format;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
