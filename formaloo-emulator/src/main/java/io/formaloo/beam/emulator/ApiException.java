package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer other than success, with its DRF-style body: thrown by handlers, sent by the server.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode body;

  ApiException(int status, JsonNode body) {
    super(status + " " + body, null, false, false);
    this.status = status;
    this.body = body;
  }

  /** {@code {"detail": "..."}}, the shape DRF uses for errors that are not about one field. */
  static ApiException detail(int status, String detail) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("detail", detail);
    return new ApiException(status, body);
  }

  static ApiException notFound() {
    return detail(404, "Not found.");
  }

  /** The record a path named, or a 404 when there is none: what every item endpoint answers. */
  static <T> T notFoundIfNull(T found) {
    if (found == null) {
      throw notFound();
    }
    return found;
  }

  static ApiException invalidPage() {
    return detail(404, "Invalid page.");
  }

  static ApiException badRequest(FieldErrors errors) {
    return new ApiException(400, errors.toJson());
  }

  int status() {
    return status;
  }

  JsonNode body() {
    return body;
  }
}
