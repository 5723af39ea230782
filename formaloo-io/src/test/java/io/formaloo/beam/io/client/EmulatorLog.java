package io.formaloo.beam.io.client;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the emulator's request log once it holds what a test expects. The emulator logs a request
 * just after it answered, so the client can see the answer a moment before the log shows it.
 */
final class EmulatorLog {
  private static final long DEADLINE_NANOS = 5_000_000_000L;

  private EmulatorLog() {}

  /** The entries of {@code endpoint}, once there are {@code expected} of them (or the deadline). */
  static List<RequestLogEntry> entries(FormalooEmulator emulator, String endpoint, int expected) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (emulator.endpointCount(endpoint) < expected && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
    return emulator.requestLog().stream()
        .filter(e -> e.endpoint().equals(endpoint))
        .collect(Collectors.toList());
  }

  /** The statuses of {@code endpoint}, once there are {@code expected} of them. */
  static List<Integer> statuses(FormalooEmulator emulator, String endpoint, int expected) {
    return entries(emulator, endpoint, expected).stream()
        .map(RequestLogEntry::status)
        .collect(Collectors.toList());
  }

  /** How many requests {@code endpoint} got, once it got at least {@code expected}. */
  static long count(FormalooEmulator emulator, String endpoint, int expected) {
    return entries(emulator, endpoint, expected).size();
  }

  /** How many answers had {@code status}, once at least {@code expected} had. */
  static long statusCount(FormalooEmulator emulator, int status, int expected) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (emulator.statusCounts().getOrDefault(status, 0L) < expected
        && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
    return emulator.statusCounts().getOrDefault(status, 0L);
  }
}
