package io.formaloo.beam.pipelines.backfill;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import java.util.Locale;

/** The formats backfill reads: JSON Lines with the API's field names, or CSV with a header. */
enum InputFormat {
  /** From each file's name: {@code .jsonl}, {@code .ndjson}, {@code .json}, or {@code .csv}. */
  AUTO,
  JSONL,
  CSV;

  /** The option's value, in any case. */
  static InputFormat parse(String value) {
    for (InputFormat format : values()) {
      if (format.name().equalsIgnoreCase(String.valueOf(value).trim())) {
        return format;
      }
    }
    throw new InvalidOptionException("--inputFormat must be auto, jsonl or csv, got " + value);
  }

  /** The format of one file: this one, or for {@link #AUTO} the one its name says; else null. */
  InputFormat of(String fileName) {
    if (this != AUTO) {
      return this;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    // Compressed files are read decompressed (FileIO's AUTO compression): look past .gz and co.
    for (String compressed : new String[] {".gz", ".bz2", ".zip", ".zst", ".deflate", ".lzo"}) {
      if (name.endsWith(compressed)) {
        name = name.substring(0, name.length() - compressed.length());
      }
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    return null;
  }
}
