package io.formaloo.beam.emulator;

import java.util.HashMap;
import java.util.Map;

/** One documented endpoint: method, path template, and who may call it. */
final class Route {
  /** What an endpoint does with a request and the values of its path's {placeholders}. */
  interface Handler {
    ApiResponse handle(ApiRequest req, Map<String, String> pathValues);
  }

  /** How a route authenticates. */
  enum Access {
    /** A token request: no API key, the credentials are the point of the call. */
    TOKEN_REQUEST,
    /** API key and token. */
    KEY_AND_TOKEN,
    /** API key and token, or (a "write key" client) the API key alone. */
    KEY_ALONE_ALLOWED
  }

  final String method;
  final String template;
  final Access access;
  final boolean takesBusiness;
  final Handler handler;
  private final String[] segments;

  Route(String method, String template, Access access, boolean takesBusiness, Handler handler) {
    this.method = method;
    this.template = template;
    this.access = access;
    this.takesBusiness = takesBusiness;
    this.handler = handler;
    this.segments = template.split("/", -1);
  }

  /** The endpoint's name in logs and counters, e.g. {@code GET /customers/{code}/}. */
  String endpoint() {
    return method + " " + template;
  }

  /** The path's placeholder values if the path fits this template, else null. */
  Map<String, String> match(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        values.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals(parts[i])) {
        return null;
      }
    }
    return values;
  }
}
