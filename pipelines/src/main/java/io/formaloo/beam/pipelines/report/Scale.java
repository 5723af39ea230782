package io.formaloo.beam.pipelines.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's value axis: from 0 to a round maximum, with round ticks (1, 2, 2.5 or 5 times a power
 * of ten apart), as people read axes.
 *
 * @param max the axis's top, at least the largest value
 * @param step the distance between ticks
 */
record Scale(long max, long step) {
  /** An axis for values up to {@code largest}, with about {@code ticks} ticks. */
  static Scale upTo(long largest, int ticks) {
    if (largest <= 0) {
      return new Scale(1, 1);
    }
    double raw = (double) largest / ticks;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    long step = 1;
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      step = Math.max(1, Math.round(factor * power));
      if (factor * power >= raw) {
        break;
      }
    }
    long max = (largest + step - 1) / step * step;
    return new Scale(max, step);
  }

  /** The tick values, 0 included. */
  List<Long> ticks() {
    List<Long> ticks = new ArrayList<>();
    for (long t = 0; t <= max; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** A value as a short label: {@code 950}, {@code 1.2k}, {@code 3M}. */
  static String label(long value) {
    if (value >= 1_000_000) {
      return trim(value / 1_000_000.0) + "M";
    }
    if (value >= 10_000) {
      return trim(value / 1_000.0) + "k";
    }
    return String.format("%,d", value);
  }

  private static String trim(double value) {
    String text = String.format("%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
