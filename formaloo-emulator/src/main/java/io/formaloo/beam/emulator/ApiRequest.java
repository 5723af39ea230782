package io.formaloo.beam.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API request as the handlers see it: method, path below {@code /v1.0}, query, body. */
final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Headers headers;
  private final byte[] body;
  private final String absoluteBase;
  private String business;

  ApiRequest(String method, URI uri, Headers headers, byte[] body, String absoluteBase) {
    this.method = method;
    String rawPath = uri.getPath() == null ? "/" : uri.getPath();
    this.path =
        rawPath.startsWith(FormalooEmulator.API_PREFIX)
            ? rawPath.substring(FormalooEmulator.API_PREFIX.length())
            : rawPath;
    this.query = parseForm(uri.getRawQuery());
    this.headers = headers;
    this.body = body;
    this.absoluteBase = absoluteBase;
  }

  String method() {
    return method;
  }

  /** The path below {@code /v1.0}, e.g. {@code /customers/}. */
  String path() {
    return path;
  }

  Map<String, String> query() {
    return query;
  }

  /** A query parameter, or null when absent or empty (DRF ignores empty filters). */
  String param(String name) {
    String value = query.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  byte[] body() {
    return body;
  }

  /** {@code http://host:port/v1.0}, for the absolute {@code next}/{@code previous} links. */
  String absoluteBase() {
    return absoluteBase;
  }

  String business() {
    return business;
  }

  void business(String business) {
    this.business = business;
  }

  /** The body as JSON; a 400 with DRF's parse-error detail when it is not. */
  JsonNode json() {
    if (body.length == 0) {
      throw ApiException.detail(400, "JSON parse error - No content to map due to end-of-input");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.detail(400, "JSON parse error - No content to map due to end-of-input");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.detail(400, "JSON parse error - " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiException.detail(400, "JSON parse error - " + e.getMessage());
    }
  }

  /** The body as an {@code application/x-www-form-urlencoded} form. */
  Map<String, String> form() {
    return parseForm(new String(body, StandardCharsets.UTF_8));
  }

  static Map<String, String> parseForm(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.putIfAbsent(decode(name), decode(value));
    }
    return values;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
