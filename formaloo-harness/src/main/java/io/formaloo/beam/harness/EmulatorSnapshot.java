package io.formaloo.beam.harness;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The emulator's counts at one moment: requests, answers by status, dropped connections. */
final class EmulatorSnapshot {
  private static final String TOKEN_ENDPOINT = "POST /oauth2/authorization-token/";

  final long requests;
  final Map<Integer, Long> statuses;
  final long dropped;
  final long droppedAfterWork;
  final long tokenRequests;

  private EmulatorSnapshot(
      long requests,
      Map<Integer, Long> statuses,
      long dropped,
      long droppedAfterWork,
      long tokenRequests) {
    this.requests = requests;
    this.statuses = statuses;
    this.dropped = dropped;
    this.droppedAfterWork = droppedAfterWork;
    this.tokenRequests = tokenRequests;
  }

  static EmulatorSnapshot of(FormalooEmulator emulator) {
    long dropped = 0;
    long afterWork = 0;
    for (RequestLogEntry entry : emulator.requestLog()) {
      if (entry.dropped()) {
        dropped++;
        // A connection dropped before the work is logged with status 0.
        afterWork += entry.status() != 0 ? 1 : 0;
      }
    }
    return new EmulatorSnapshot(
        emulator.requestCount(),
        new TreeMap<>(emulator.statusCounts()),
        dropped,
        afterWork,
        emulator.endpointCount(TOKEN_ENDPOINT));
  }

  EmulatorSnapshot minus(EmulatorSnapshot earlier) {
    Map<Integer, Long> statuses = new TreeMap<>(this.statuses);
    earlier.statuses.forEach((status, n) -> statuses.merge(status, -n, Long::sum));
    statuses.values().removeIf(n -> n == 0);
    return new EmulatorSnapshot(
        requests - earlier.requests,
        statuses,
        dropped - earlier.dropped,
        droppedAfterWork - earlier.droppedAfterWork,
        tokenRequests - earlier.tokenRequests);
  }

  /** E.g. {@code 2xx 200,000, 400 4,000, 429 1,200, 5xx 10,000}. */
  String statusLine() {
    Map<String, Long> groups = new TreeMap<>();
    statuses.forEach(
        (status, n) -> {
          String group =
              status == 0
                  ? "none"
                  : status == 429 || status == 401 || status == 400
                      ? String.valueOf(status)
                      : (status / 100) + "xx";
          groups.merge(group, n, Long::sum);
        });
    List<String> parts = new ArrayList<>();
    groups.forEach((group, n) -> parts.add(String.format("%s %,d", group, n)));
    return String.join(", ", parts);
  }
}
