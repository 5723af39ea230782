package io.formaloo.beam.io;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.client.RetryPolicy;
import java.time.Duration;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Connector configs that point at an emulator, with backoffs short enough for tests. */
public final class Emulated {
  private Emulated() {}

  public static FormalooConfig.Builder configFor(FormalooEmulator emulator) {
    return FormalooConfig.builder()
        .baseUrl(emulator.baseUrl())
        .business(emulator.business())
        .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(12)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(200))
                .maxRetryAfter(Duration.ofSeconds(2))
                .build())
        .rateLimit(RateLimit.unlimited());
  }

  public static FormalooConfig config(FormalooEmulator emulator) {
    return configFor(emulator).build();
  }

  /** A Direct-runner pipeline that checks its encodings and immutability, as tests should. */
  public static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--blockOnRun=true").create());
  }
}
