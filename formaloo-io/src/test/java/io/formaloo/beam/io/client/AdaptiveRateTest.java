package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.Faults.RetryAfterMode;
import io.formaloo.beam.emulator.FormalooEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adaptive rate against the emulator's own limit, over real sockets and real time: clients that
 * were never told the limit find it, share it, and are seldom refused.
 */
class AdaptiveRateTest {
  private static final double LIMIT = 40;
  private static final long RUN_NANOS = 8_000_000_000L;

  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    TokenCache.clear();
    RateControllers.clear();
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(5).build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void clientsOfOneAccountShareOneController() throws Exception {
    FormalooConfig config = configFor(emulator).rateLimit(RateLimit.adaptive()).build();
    FormalooConfig otherBusiness =
        configFor(emulator).rateLimit(RateLimit.adaptive()).business("other").build();
    try (FormalooClient a = FormalooClient.create(config);
        FormalooClient b = FormalooClient.create(config);
        FormalooClient c = FormalooClient.create(otherBusiness)) {
      assertThat(a.controller(), sameInstance(b.controller()));
      assertThat(a.controller(), not(sameInstance(c.controller())));
    }
  }

  @Test
  void findsTheEmulatorsLimitWithFewRefusals() throws Exception {
    FormalooConfig config = configFor(emulator).rateLimit(RateLimit.adaptive()).build();
    emulator.setFaults(Faults.builder().rateLimit(LIMIT, RetryAfterMode.SECONDS).build());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    // Two clients, as a read and a write of one worker would have: one budget between them.
    try (FormalooClient read = FormalooClient.create(config);
        FormalooClient write = FormalooClient.create(config)) {
      long end = System.nanoTime() + RUN_NANOS;
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        FormalooClient client = t % 2 == 0 ? read : write;
        work.add(
            threads.submit(
                () -> {
                  while (System.nanoTime() - end < 0) {
                    client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
                  }
                  return null;
                }));
      }
      for (Future<?> w : work) {
        w.get();
      }
    } finally {
      threads.shutdownNow();
    }
    Map<Integer, Long> statuses = emulator.statusCounts();
    long ok = statuses.getOrDefault(200, 0L);
    long refused = statuses.getOrDefault(429, 0L);
    double achieved = ok / (RUN_NANOS / 1e9) / LIMIT;
    double refusedShare = (double) refused / (ok + refused);
    System.out.printf(
        "emulator limit %.0f/s, %d s: %.1f%% of it used, %d of %d requests refused%n",
        LIMIT, RUN_NANOS / 1_000_000_000L, 100 * achieved, refused, ok + refused);
    // The first seconds ramp up from the safe rate, so the share over a short run is lower than in
    // the long run (RateControllerTest); the machine is shared, so the bound is loose.
    assertThat("share of the limit used", achieved, greaterThanOrEqualTo(0.7));
    assertThat("share of requests refused", refusedShare, lessThanOrEqualTo(0.05));
    assertThat(statuses.getOrDefault(500, 0L), is(0L));
  }
}
