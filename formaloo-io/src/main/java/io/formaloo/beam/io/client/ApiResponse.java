package io.formaloo.beam.io.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * A successful answer: its status and body. The body is parsed only when asked for, so that typed
 * calls can stream it straight into the model instead of building a tree first.
 */
final class ApiResponse {
  final int status;
  final byte[] body;

  /** How many times the request was sent before this answer (the first time included). */
  final int attempts;

  private final HttpCall call;

  ApiResponse(int status, byte[] body, HttpCall call) {
    this(status, body, call, 1);
  }

  ApiResponse(int status, byte[] body, HttpCall call, int attempts) {
    this.status = status;
    this.body = body;
    this.call = call;
    this.attempts = attempts;
  }

  /**
   * The payload as a tree, out of its envelope; {@code MissingNode} when the answer had no body
   * (204).
   *
   * @throws FormalooException of kind {@link ErrorKind#REMOTE} if the body is not JSON
   */
  JsonNode data() {
    try {
      return Envelope.data(ClientJson.parse(body));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** A page answer that was read but cannot be believed: {@code what} says why. */
  FormalooException notAPage(String what) {
    return remote(attempts, "the answer is not a valid page: " + what);
  }

  /** An answer the client could not read: its status was fine, its body was not. */
  FormalooException unreadable(Exception e) {
    // Only the parser's own message: its full message quotes the body.
    String reason =
        e instanceof JsonProcessingException
            ? ((JsonProcessingException) e).getOriginalMessage()
            : e.getMessage();
    return remote(1, "the answer could not be read: " + reason);
  }

  /** A failure of this answer's content, not of the request: the server's fault, REMOTE. */
  private FormalooException remote(int attempts, String message) {
    return new FormalooException(
        ErrorKind.REMOTE, status, call.method, call.path, null, Map.of(), attempts, message, null);
  }
}
