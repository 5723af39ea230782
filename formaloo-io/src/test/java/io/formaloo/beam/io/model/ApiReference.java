package io.formaloo.beam.io.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API reference ({@code formaloo-api-v1.0.txt}, a copy of the shared one) as data: its JSON
 * examples, where each one stands, and its schema tables.
 *
 * <p>The reference is text flattened from HTML. An endpoint's section is headed by a line such as
 * {@code POST /customers/}; its examples follow a {@code Body parameter} or {@code 200 Response}
 * line. After the line {@code Schemas}, each schema is its name on a line, its example, and a
 * {@code Properties} table.
 */
final class ApiReference {
  static final String RESOURCE = "/formaloo-api-v1.0.txt";

  private static final Pattern ENDPOINT = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S*)$");
  private static final Pattern RESPONSE = Pattern.compile("^\\d{3} Response$");
  private static final Pattern SCHEMA_NAME = Pattern.compile("^[A-Z][A-Za-z]+$");
  private static final Pattern TABLE_ROW = Pattern.compile("^([a-z_]+) \\| (.*)$");

  /** One JSON example: where it stands, what introduced it, and its text. */
  record Example(int line, String section, String marker, String json) {
    /** How the example is looked up: {@code "POST /customers/ body"}, or the schema name. */
    String key() {
      if (marker.equals("Body parameter")) {
        return section + " body";
      }
      if (RESPONSE.matcher(marker).matches()) {
        return section + " response";
      }
      return section;
    }

    @Override
    public String toString() {
      return section + " — " + marker + " (line " + line + ")";
    }
  }

  private final List<String> lines;
  private final List<Example> endpointExamples = new ArrayList<>();
  private final List<Example> schemaExamples = new ArrayList<>();
  private final Map<String, Set<String>> readOnlyFields = new LinkedHashMap<>();
  private final Map<String, List<String>> enumValues = new LinkedHashMap<>();
  private final Set<Integer> exampleLines = new LinkedHashSet<>();

  private ApiReference(List<String> lines) {
    this.lines = lines;
    scan();
  }

  static ApiReference load() {
    try (InputStream in = ApiReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ApiReference(List.of(text.split("\n", -1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Example> endpointExamples() {
    return endpointExamples;
  }

  List<Example> schemaExamples() {
    return schemaExamples;
  }

  /** Per schema, the fields its {@code Properties} table marks read-only. */
  Map<String, Set<String>> readOnlyFields() {
    return readOnlyFields;
  }

  /** Per enum schema, the values of its {@code Enumerated Values} table. */
  Map<String, List<String>> enumValues() {
    return enumValues;
  }

  /**
   * The blocks outside every example found that open with a line {@code {} or {@code [} alone,
   * by 1-based line. Code samples have such blocks too (Swift literals), so a caller decides
   * which of them are JSON: those would be examples the scan missed.
   */
  Map<Integer, String> blocksOutsideExamples() {
    Map<Integer, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if ((line.equals("{") || line.equals("[")) && !exampleLines.contains(i)) {
        int last = endOfJson(i);
        blocks.put(i + 1, String.join("\n", lines.subList(i, last + 1)));
        i = last;
      }
    }
    return blocks;
  }

  private void scan() {
    String endpoint = null;
    String schema = null;
    boolean inSchemas = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!inSchemas) {
        Matcher m = ENDPOINT.matcher(line);
        if (m.matches()) {
          endpoint = line;
        } else if (line.equals("Schemas")) {
          inSchemas = true;
        } else if (line.equals("Body parameter") || RESPONSE.matcher(line).matches()) {
          if (endpoint == null) {
            throw new IllegalStateException("Example before any endpoint at line " + (i + 1));
          }
          i = addExample(endpointExamples, i, endpoint, line);
        }
        continue;
      }
      if (SCHEMA_NAME.matcher(line).matches()
          && !line.equals("Properties")
          && i + 1 < lines.size()
          && startsJson(lines.get(i + 1))) {
        schema = line;
        i = addExample(schemaExamples, i, schema, "example");
        continue;
      }
      Matcher row = TABLE_ROW.matcher(line);
      if (schema != null && row.matches()) {
        String[] cells = row.group(2).split(" \\| ");
        if (cells.length >= 3 && cells[2].equals("read-only")) {
          readOnlyFields.computeIfAbsent(schema, k -> new LinkedHashSet<>()).add(row.group(1));
        }
        if (row.group(1).equals("anonymous") && cells.length == 1) {
          String value = cells[0].replaceAll(" \\|$", "");
          enumValues.computeIfAbsent(schema, k -> new ArrayList<>()).add(value);
        }
      }
    }
  }

  private static boolean startsJson(String line) {
    return line.equals("{") || line.equals("[") || line.startsWith("\"");
  }

  /** Adds the example after the marker line {@code at}; answers the example's last line. */
  private int addExample(List<Example> examples, int at, String section, String marker) {
    int first = at + 1;
    int last = endOfJson(first);
    for (int i = first; i <= last; i++) {
      exampleLines.add(i);
    }
    String json = String.join("\n", lines.subList(first, last + 1));
    examples.add(new Example(first + 1, section, marker, json));
    return last;
  }

  /** The index of the line that closes the JSON value starting at line {@code first}. */
  private int endOfJson(int first) {
    int depth = 0;
    boolean inString = false;
    for (int i = first; i < lines.size(); i++) {
      String line = lines.get(i);
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (inString) {
          if (ch == '\\') {
            c++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '{' || ch == '[') {
          depth++;
        } else if (ch == '}' || ch == ']') {
          depth--;
        }
      }
      if (depth == 0 && !inString) {
        return i;
      }
    }
    throw new IllegalStateException("Unterminated JSON from line " + (first + 1));
  }
}
