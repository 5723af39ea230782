package io.formaloo.beam.pipelines.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * One of {@code examples/yaml}, read as Beam YAML reads it: the transforms the {@code javaJar}
 * provider maps to Formaloo URNs, their configuration, and for a transform fed by {@code
 * ReadFromJson} the Beam schema of that JSON schema (Beam YAML's mapping: integer is INT64).
 */
final class YamlExample {
  private final Map<String, Object> document;

  private YamlExample(Map<String, Object> document) {
    this.document = document;
  }

  static YamlExample read(Path file) throws IOException {
    return new YamlExample(new Yaml().load(Files.readString(file)));
  }

  /** A Formaloo transform of the pipeline: its URN, its config, and its input's schema if any. */
  record Step(String urn, Map<String, Object> config, @Nullable Schema inputSchema) {}

  String jar() {
    return (String) map(provider().get("config")).get("jar");
  }

  List<Step> formalooSteps() {
    Map<String, Object> urns = map(provider().get("transforms"));
    List<Map<String, Object>> transforms = transforms();
    List<Step> steps = new ArrayList<>();
    for (Map<String, Object> transform : transforms) {
      Object urn = urns.get(transform.get("type"));
      if (urn == null) {
        continue;
      }
      Map<String, Object> config = map(transform.getOrDefault("config", Map.of()));
      steps.add(new Step((String) urn, config, inputSchema(transform, transforms)));
    }
    return steps;
  }

  /** A row of {@code schema} with the YAML's values: maps as rows, numbers widened. */
  @SuppressWarnings("unchecked")
  static Row row(Schema schema, Map<String, Object> values) {
    Row.Builder builder = Row.withSchema(schema);
    List<Object> ordered = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Object value = values.get(field.getName());
      FieldType type = field.getType();
      if (value instanceof Map && type.getTypeName() == Schema.TypeName.ROW) {
        value = row(type.getRowSchema(), (Map<String, Object>) value);
      } else if (value instanceof Number && type.getTypeName() == Schema.TypeName.DOUBLE) {
        value = ((Number) value).doubleValue();
      }
      ordered.add(value);
    }
    for (String key : values.keySet()) {
      if (!schema.hasField(key)) {
        throw new AssertionError("config key " + key + " is not a field of " + schema);
      }
    }
    return builder.addValues(ordered).build();
  }

  private @Nullable Schema inputSchema(
      Map<String, Object> transform, List<Map<String, Object>> transforms) {
    Object input = transform.get("input");
    List<Map<String, Object>> candidates = new ArrayList<>();
    if (input != null) {
      for (Map<String, Object> t : transforms) {
        if (input.equals(t.get("name")) || input.equals(t.get("type"))) {
          candidates.add(t);
        }
      }
    } else if ("chain".equals(map(document.get("pipeline")).get("type"))) {
      int at = transforms.indexOf(transform);
      if (at > 0) {
        candidates.add(transforms.get(at - 1));
      }
    }
    for (Map<String, Object> source : candidates) {
      if ("ReadFromJson".equals(source.get("type"))) {
        return jsonSchema((String) map(source.get("config")).get("schema"));
      }
    }
    return null;
  }

  private static Schema jsonSchema(String json) {
    Map<String, Object> schema = new Yaml().load(json);
    Schema.Builder beam = Schema.builder();
    for (Map.Entry<String, Object> property : map(schema.get("properties")).entrySet()) {
      String type = (String) map(property.getValue()).get("type");
      FieldType field;
      switch (type) {
        case "integer":
          field = FieldType.INT64;
          break;
        case "number":
          field = FieldType.DOUBLE;
          break;
        case "boolean":
          field = FieldType.BOOLEAN;
          break;
        default:
          field = FieldType.STRING;
      }
      beam.addNullableField(property.getKey(), field);
    }
    return beam.build();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> transforms() {
    return (List<Map<String, Object>>) map(document.get("pipeline")).get("transforms");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> provider() {
    for (Map<String, Object> provider : (List<Map<String, Object>>) document.get("providers")) {
      if ("javaJar".equals(provider.get("type"))) {
        return provider;
      }
    }
    throw new AssertionError("no javaJar provider");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
