package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A DRF error answer, read: {@code {"detail": "..."}}, or field errors {@code {"email": ["Enter a
 * valid email address."]}}, nested ones flattened to {@code customer.email}, a bare list of
 * messages under {@code non_field_errors}.
 */
final class ErrorBody {
  private static final int MAX_TEXT = 300;

  /** The title of an HTML page: what a proxy's error page says in a few words. */
  private static final Pattern HTML_TITLE =
      Pattern.compile("(?is)<title[^>]*>\\s*(.*?)\\s*</title>");

  final @Nullable String detail;
  final Map<String, List<String>> fieldErrors;

  private ErrorBody(@Nullable String detail, Map<String, List<String>> fieldErrors) {
    this.detail = detail;
    this.fieldErrors = Collections.unmodifiableMap(fieldErrors);
  }

  /**
   * Reads an error answer, passing every text through {@code redact}, because the client will
   * surface it in exceptions and logs.
   */
  static ErrorBody parse(byte[] body, UnaryOperator<String> redact) {
    JsonNode root = ClientJson.parseLeniently(body);
    if (root.isMissingNode() && body.length > 0) {
      // Not JSON (a proxy's HTML page, say): its title, else a short prefix, is the detail.
      String text = new String(body, StandardCharsets.UTF_8).trim();
      Matcher title = HTML_TITLE.matcher(text);
      if (text.startsWith("<") && title.find() && !title.group(1).isEmpty()) {
        text = "an HTML page: " + title.group(1).replaceAll("\\s+", " ");
      }
      if (text.length() > MAX_TEXT) {
        text = text.substring(0, MAX_TEXT) + "...";
      }
      return new ErrorBody(text.isEmpty() ? null : redact.apply(text), new LinkedHashMap<>());
    }
    JsonNode errors = Envelope.errors(root);
    String detail = null;
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (errors.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("detail") && e.getValue().isValueNode()) {
          detail = redact.apply(e.getValue().asText());
        } else {
          collect(e.getKey(), e.getValue(), fields, redact);
        }
      }
    } else if (errors.isArray() || errors.isValueNode()) {
      collect("non_field_errors", errors, fields, redact);
    }
    return new ErrorBody(detail, fields);
  }

  private static void collect(
      String field, JsonNode value, Map<String, List<String>> into, UnaryOperator<String> redact) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(field + "." + e.getKey(), e.getValue(), into, redact);
      }
    } else if (value.isArray()) {
      int i = 0;
      for (JsonNode item : value) {
        if (item.isContainerNode()) {
          collect(field + "[" + i + "]", item, into, redact);
        } else {
          into.computeIfAbsent(field, k -> new ArrayList<>()).add(redact.apply(item.asText()));
        }
        i++;
      }
    } else if (!value.isNull()) {
      into.computeIfAbsent(field, k -> new ArrayList<>()).add(redact.apply(value.asText()));
    }
  }
}
