package io.formaloo.beam.io.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds request URLs: escaped path segments and a form-encoded query. */
final class Urls {
  private Urls() {}

  /** Escapes one path segment (a code or a slug), so that it cannot change the path. */
  static String segment(String value) {
    Checks.notBlank("path segment", value);
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code base + path}, plus the query if it has any parameter. */
  static String build(String base, String path, Map<String, String> query) {
    StringBuilder url = new StringBuilder(base).append(path);
    char sep = path.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      url.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return url.toString();
  }
}
