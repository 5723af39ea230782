package io.formaloo.beam.io;

import io.formaloo.beam.io.client.FormalooConfig;

/** Checks that transforms share in {@code expand}, with messages that name the setting. */
final class Validation {
  private Validation() {}

  static void requireBusiness(FormalooConfig config, String what) {
    if (config.business() == null || config.business().isBlank()) {
      throw new IllegalArgumentException(
          "FormalooIO "
              + what
              + ": the config has no business slug; set FormalooConfig.builder().business(...)"
              + " (GET /businesses/ lists the slugs your credentials reach)");
    }
  }
}
