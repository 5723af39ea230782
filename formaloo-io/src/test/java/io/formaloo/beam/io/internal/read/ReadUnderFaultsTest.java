package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reads complete, whole and without repeats, when the API misbehaves as real APIs do. */
class ReadUnderFaultsTest {

  private static FormalooEmulator emulator(EmulatorConfig.Builder config, Faults faults) {
    FormalooEmulator emulator = FormalooEmulator.start(config.build());
    emulator.setFaults(faults);
    return emulator;
  }

  @Test
  void envelopeMode() {
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(400), Faults.builder().envelope(true).build())) {
      ReadCustomersTest.assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(25), emulator.customerCodes());
    }
  }

  @Test
  void a429Storm() {
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(400),
            Faults.builder().rateLimit(5, Faults.RetryAfterMode.SECONDS).build())) {
      ReadCustomersTest.assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(20), emulator.customerCodes());
      assertThat(emulator.statusCounts().getOrDefault(429, 0L), greaterThan(0L));
    }
  }

  @Test
  void a429StormWithoutRetryAfter() {
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(400),
            Faults.builder().rateLimit(5, Faults.RetryAfterMode.ABSENT).build())) {
      // Without Retry-After the client backs off on its own: give it the patience a real
      // pipeline has (backoffs up to 2 s), not the short one the other tests use.
      FormalooConfig patient =
          Emulated.configFor(emulator)
              .retryPolicy(
                  RetryPolicy.builder()
                      .maxAttempts(30)
                      .initialBackoff(Duration.ofMillis(100))
                      .maxBackoff(Duration.ofSeconds(2))
                      .build())
              .build();
      ReadCustomersTest.assertReadsExactly(
          patient, FormalooIO.readCustomers().withPageSize(20), emulator.customerCodes());
      assertThat(emulator.statusCounts().getOrDefault(429, 0L), greaterThan(0L));
    }
  }

  @Test
  void fiveHundredsInBursts() {
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(400), Faults.builder().errorRate(0.3).build())) {
      ReadCustomersTest.assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(10), emulator.customerCodes());
      assertThat(
          emulator.statusCounts().getOrDefault(500, 0L)
              + emulator.statusCounts().getOrDefault(502, 0L)
              + emulator.statusCounts().getOrDefault(503, 0L),
          greaterThan(0L));
    }
  }

  @Test
  void droppedConnections() {
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(400), Faults.builder().dropRate(0.1).build())) {
      ReadCustomersTest.assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(10), emulator.customerCodes());
    }
  }

  @Test
  void tokensExpiringMidRead() {
    // Tokens live 1 s; 200 pages at 40 ms each, four at a time, take about 2 s: the read outlives
    // its first token, which the client learns from a 401 (the service's flow says no expiry).
    try (FormalooEmulator emulator =
        emulator(
            EmulatorConfig.builder().seedCustomers(2_000).tokenLifetime(Duration.ofSeconds(1)),
            Faults.builder().latency(Duration.ofMillis(40), Duration.ZERO).build())) {
      ReadCustomersTest.assertReadsExactly(
          emulator,
          FormalooIO.readCustomers().withPageSize(10).withMaxConcurrentPageRequests(1),
          emulator.customerCodes());
      assertThat(emulator.statusCounts().getOrDefault(401, 0L), greaterThan(0L));
    }
  }
}
