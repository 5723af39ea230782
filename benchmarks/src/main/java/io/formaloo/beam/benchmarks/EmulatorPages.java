package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.FormalooEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches raw answers from an emulator with a token, to feed benchmarks real bytes. */
final class EmulatorPages {
  private final HttpClient http = HttpClient.newHttpClient();
  private final FormalooEmulator emulator;
  private final String token;

  EmulatorPages(FormalooEmulator emulator) throws Exception {
    this.emulator = emulator;
    HttpRequest tokenRequest =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/oauth2/authorization-token/"))
            .header("Authorization", "Basic " + emulator.apiSecret())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    String body = http.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).body();
    this.token = body.replaceAll(".*\"authorization_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  byte[] get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("x-api-key", emulator.apiKey())
            .header("Authorization", "JWT " + token)
            .build();
    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
    }
    return answer.body();
  }
}
