package io.formaloo.beam.pipelines.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;

/**
 * Gathers the records of a bundle into JSON arrays of at most {@code maxRecords} records and {@code
 * maxBytes} of text, for a statement that upserts a whole array ({@link Dialect#takesJsonBatches});
 * the last, smaller one at the end of the bundle. A key twice in one array keeps the last record:
 * one statement may not update a row twice.
 */
final class JsonBatchFn extends DoFn<String, String> {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final int maxRecords;
  private final long maxBytes;
  private transient Map<String, String> batch;
  private transient long bytes;

  JsonBatchFn(String key, int maxRecords, long maxBytes) {
    this.key = key;
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  @StartBundle
  public void startBundle() {
    batch = new LinkedHashMap<>();
    bytes = 0;
  }

  @ProcessElement
  public void processElement(@Element String json, OutputReceiver<String> out) {
    JsonNode id = RecordJson.parse(json).get(key);
    String previous = batch.put(id == null ? null : id.asText(), json);
    bytes += json.length() - (previous == null ? 0 : previous.length());
    if (batch.size() >= maxRecords || bytes >= maxBytes) {
      out.output(drain());
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    if (!batch.isEmpty()) {
      context.output(drain(), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
    }
  }

  private String drain() {
    StringBuilder array = new StringBuilder((int) bytes + batch.size() + 2).append('[');
    for (String json : batch.values()) {
      if (array.length() > 1) {
        array.append(',');
      }
      array.append(json);
    }
    batch.clear();
    bytes = 0;
    return array.append(']').toString();
  }
}
