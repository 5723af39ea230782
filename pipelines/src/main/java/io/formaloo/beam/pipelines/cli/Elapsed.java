package io.formaloo.beam.pipelines.cli;

import java.time.Duration;

/** Durations as a person reads them on a terminal: {@code 0:01:05}. */
public final class Elapsed {
  private Elapsed() {}

  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
