package io.formaloo.beam.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.records.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads what the pipelines wrote, for assertions. */
public final class Outputs {
  private Outputs() {}

  /** The files of an export's entity folder, by name. */
  public static List<Path> parts(Path exportDir, String entity) {
    try (Stream<Path> files = Files.list(exportDir.resolve(entity))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("part-"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code code} of every record of every Parquet file of an export's entity. */
  public static Set<String> parquetCodes(Path exportDir, String entity) throws IOException {
    Set<String> codes = new HashSet<>();
    for (Path part : parts(exportDir, entity)) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  new LocalInputFile(part), new PlainParquetConfiguration())
              .withDataModel(GenericData.get())
              .build()) {
        for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
          codes.add(r.get("code").toString());
        }
      }
    }
    return codes;
  }

  /** Every line of every JSON Lines file of an export's entity. */
  public static List<String> jsonLines(Path exportDir, String entity) {
    List<String> lines = new ArrayList<>();
    for (Path part : parts(exportDir, entity)) {
      try {
        Files.readAllLines(part).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  /** An export's records of one entity, parsed with the connector's JSON. */
  public static <T> List<T> records(Path exportDir, String entity, Class<T> type) {
    List<T> records = new ArrayList<>();
    for (String line : jsonLines(exportDir, entity)) {
      try {
        records.add(ModelJson.parse(line, type));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return records;
  }

  /** The dead-letter lines of one entity, as JSON. */
  public static List<JsonNode> deadLetters(Path deadLetterDir, String entity) {
    Path file = deadLetterDir.resolve(entity).resolve("failures-00000-of-00001.jsonl");
    List<JsonNode> lines = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          lines.add(Json.MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** The {@code error.kind} of each dead letter, in any order. */
  public static List<String> kinds(List<JsonNode> deadLetters) {
    return deadLetters.stream()
        .map(d -> d.get("error").get("kind").asText())
        .sorted()
        .collect(Collectors.toList());
  }
}
