package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: its status and JSON body (null for 204). */
final class ApiResponse {
  private final int status;
  private final JsonNode body;

  private ApiResponse(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body);
  }

  static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }

  int status() {
    return status;
  }

  JsonNode body() {
    return body;
  }
}
