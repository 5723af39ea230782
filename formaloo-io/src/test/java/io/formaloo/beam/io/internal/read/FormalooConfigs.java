package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;

/** Configs for tests that never send a request. */
final class FormalooConfigs {
  private FormalooConfigs() {}

  static FormalooConfig any() {
    return FormalooConfig.builder()
        .baseUrl("http://127.0.0.1:9/v1.0")
        .business("acme")
        .credentials(FormalooCredentials.of("key", "secret"))
        .build();
  }
}
