package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;

/**
 * An emulator as a schema transform's configuration sees it: its base URL, business, and a
 * credentials file (the tests cannot set environment variables).
 */
final class EmulatedAccount {
  final FormalooEmulator emulator;
  final String credentialsFile;

  EmulatedAccount(FormalooEmulatorExtension formaloo, Path folder) {
    this.emulator = formaloo.emulator();
    this.credentialsFile = formaloo.credentialsFile(folder).toString();
  }

  ReadConfiguration.Builder read() {
    return ReadConfiguration.builder()
        .setBaseUrl(emulator.baseUrl())
        .setBusiness(emulator.business())
        .setCredentialsFile(credentialsFile);
  }

  WriteConfiguration.Builder write() {
    return WriteConfiguration.builder()
        .setBaseUrl(emulator.baseUrl())
        .setBusiness(emulator.business())
        .setCredentialsFile(credentialsFile);
  }
}
