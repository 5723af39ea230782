package io.formaloo.beam.pipelines.providers;

import io.formaloo.beam.emulator.FormalooEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An emulator as a schema transform's configuration sees it: its base URL, business, and a
 * credentials file (the tests cannot set environment variables).
 */
final class EmulatedAccount {
  final FormalooEmulator emulator;
  final String credentialsFile;

  EmulatedAccount(FormalooEmulator emulator, Path folder) {
    this.emulator = emulator;
    try {
      Path file = folder.resolve("formaloo.properties");
      Files.writeString(
          file, "api_key=" + emulator.apiKey() + "\napi_secret=" + emulator.apiSecret() + "\n");
      this.credentialsFile = file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
