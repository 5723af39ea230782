package io.formaloo.beam.io.client;

import io.formaloo.beam.emulator.FormalooEmulator;
import java.time.Duration;

/** Configs that point at an emulator, with waits short enough for tests. */
final class TestConfigs {
  private TestConfigs() {}

  static FormalooConfig.Builder configFor(FormalooEmulator emulator) {
    return FormalooConfig.builder()
        .baseUrl(emulator.baseUrl())
        .business(emulator.business())
        .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
        .retryPolicy(
            RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(100))
                .build())
        .rateLimit(RateLimit.unlimited());
  }

  /** A client on virtual time: it never really sleeps. */
  static FormalooClient client(FormalooConfig config, VirtualTime time) {
    return FormalooClient.create(config, time.environment(0.5));
  }
}
