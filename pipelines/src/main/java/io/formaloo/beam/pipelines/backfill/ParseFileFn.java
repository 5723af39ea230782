package io.formaloo.beam.pipelines.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.deadletters.DeadLetters;
import io.formaloo.beam.pipelines.files.CsvColumns;
import io.formaloo.beam.pipelines.files.CsvReader;
import io.formaloo.beam.pipelines.files.Utf8Lines;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.records.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses one input file into records of the API's model, in its {@link InputFormat}. Every line
 * (JSON Lines) or row (CSV) ends as a record or as a dead-letter line saying why it is not one:
 * nothing is dropped silently. Dead-letter lines given back as input are unwrapped.
 *
 * @param <T> the record class
 */
final class ParseFileFn<T> extends DoFn<FileIO.ReadableFile, T> {
  private static final long serialVersionUID = 1L;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Class<T> type;
  private final InputFormat format;
  private final TupleTag<T> records;
  private final TupleTag<String> deadLetters;
  private final Counter read;
  private final Counter unparseable;
  private final Counter entityRead;
  private final Counter entityUnparseable;

  ParseFileFn(
      Class<T> type,
      String entity,
      InputFormat format,
      TupleTag<T> records,
      TupleTag<String> deadLetters) {
    this.type = type;
    this.format = format;
    this.records = records;
    this.deadLetters = deadLetters;
    this.read = PipelineCounters.counter(PipelineCounters.RECORDS_READ);
    this.unparseable = PipelineCounters.counter(PipelineCounters.UNPARSEABLE);
    this.entityRead = PipelineCounters.counter(entity, "read");
    this.entityUnparseable = PipelineCounters.counter(entity, "unparseable");
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
      throws IOException {
    String name = file.getMetadata().resourceId().toString();
    InputFormat fileFormat = format.of(file.getMetadata().resourceId().getFilename());
    if (fileFormat == null) {
      // Checked before the pipeline starts; a file that appeared since then is reported here.
      out.get(deadLetters)
          .output(
              DeadLetters.forUnparseable(
                  Json.MAPPER.getNodeFactory().textNode(name),
                  "cannot tell the file's format from its name: use .jsonl or .csv, or --inputFormat",
                  name,
                  0));
      countUnparseable();
      return;
    }
    // Lines are decoded one by one: bytes that are not UTF-8 make their line (or CSV row) a dead
    // letter, where a decoding reader over the whole file failed the whole backfill.
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()))) {
      Utf8Lines lines = new Utf8Lines(in);
      if (fileFormat == InputFormat.CSV) {
        parseCsv(lines, name, out);
      } else {
        parseJsonLines(lines, name, out);
      }
    }
  }

  private void parseJsonLines(Utf8Lines lines, String file, MultiOutputReceiver out)
      throws IOException {
    for (String read = lines.next(); read != null; read = lines.next()) {
      long number = lines.number();
      String line = Utf8Lines.strip(read);
      if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      if (lines.malformed()) {
        unparseable(
            out,
            Json.MAPPER.getNodeFactory().textNode(line),
            "not UTF-8 text: bytes that are no UTF-8 are shown as U+FFFD",
            file,
            number);
        continue;
      }
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        unparseable(
            out,
            Json.MAPPER.getNodeFactory().textNode(line),
            "not JSON: " + e.getOriginalMessage(),
            file,
            number);
        continue;
      }
      parseRecord(DeadLetters.unwrap(node), file, number, out);
    }
  }

  private void parseCsv(Utf8Lines lines, String file, MultiOutputReceiver out) throws IOException {
    Set<Integer> malformed = new HashSet<>();
    CsvReader csv = new CsvReader(lines.asReader(malformed));
    CsvColumns columns = CsvColumns.forType(type);
    List<String> header = null;
    while (true) {
      int number = csv.line();
      List<String> row;
      try {
        row = csv.next();
      } catch (IOException e) {
        // Only an unclosed quote gets here: the rest of the file is one broken field.
        unparseable(out, Json.MAPPER.getNodeFactory().nullNode(), e.getMessage(), file, number);
        return;
      }
      if (row == null) {
        return;
      }
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (header == null) {
        if (!row.isEmpty() && row.get(0).startsWith(String.valueOf(BYTE_ORDER_MARK))) {
          row.set(0, row.get(0).substring(1));
        }
        header = row;
        continue;
      }
      if (spans(malformed, number, csv.line())) {
        unparseable(
            out,
            CsvColumns.raw(header, row),
            "not UTF-8 text: bytes that are no UTF-8 are shown as U+FFFD",
            file,
            number);
        continue;
      }
      JsonNode record;
      try {
        record = columns.toJson(header, row);
      } catch (IllegalArgumentException e) {
        unparseable(out, CsvColumns.raw(header, row), e.getMessage(), file, number);
        continue;
      }
      parseRecord(record, file, number, out);
    }
  }

  /** Whether a row on lines [{@code from}, {@code to}) holds one of {@code lines}. */
  private static boolean spans(Set<Integer> lines, int from, int to) {
    for (int line = from; line < Math.max(to, from + 1); line++) {
      if (lines.contains(line)) {
        return true;
      }
    }
    return false;
  }

  private void parseRecord(JsonNode node, String file, long number, MultiOutputReceiver out) {
    if (!node.isObject()) {
      unparseable(out, node, "not a JSON object", file, number);
      return;
    }
    T record;
    try {
      record = ModelJson.parse(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String reason =
          e instanceof JsonProcessingException
              ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getMessage();
      unparseable(out, node, "not a " + type.getSimpleName() + ": " + reason, file, number);
      return;
    }
    read.inc();
    entityRead.inc();
    out.get(records).output(record);
  }

  private void unparseable(
      MultiOutputReceiver out, JsonNode record, String reason, String file, long number) {
    out.get(deadLetters).output(DeadLetters.forUnparseable(record, reason, file, number));
    countUnparseable();
  }

  private void countUnparseable() {
    unparseable.inc();
    entityUnparseable.inc();
  }
}
