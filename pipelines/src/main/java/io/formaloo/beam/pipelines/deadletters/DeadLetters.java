package io.formaloo.beam.pipelines.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.pipelines.records.Json;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;

/**
 * The dead-letter lines of backfill: {@code {"record": {...}, "error": {...}}}, one per record that
 * did not land, as JSON Lines.
 *
 * <p>{@code record} is the record in the API's field names, as backfill's input takes it, so that a
 * dead-letter file is itself an input: backfill unwraps the lines it recognizes ({@link #unwrap}).
 * For input that could not be parsed, {@code record} is what the file held: the JSON value, the
 * line's text when it was not JSON, or a CSV row's cells by column.
 *
 * <p>{@code error} has {@code kind} (the connector's {@code FailureKind}, or {@code UNPARSEABLE}),
 * {@code message}, and as far as known {@code status}, {@code field_errors}, {@code attempts},
 * {@code retryable}, {@code job}, and for unparseable input {@code file} and {@code line}.
 */
public final class DeadLetters {
  static final String UNPARSEABLE = "UNPARSEABLE";

  private DeadLetters() {}

  /** The line for a record the write did not land. */
  static String forFailure(FailedRecord failure) {
    Object record = failure.getCustomer() != null ? failure.getCustomer() : failure.getActivity();
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.set("record", tree(ModelJson.toJson(record)));
    ObjectNode error = line.putObject("error");
    error.put("kind", failure.getKind().name());
    if (failure.getStatus() != 0) {
      error.put("status", failure.getStatus());
    }
    error.put("message", failure.getError());
    if (failure.getFieldErrorsJson() != null) {
      error.set("field_errors", tree(failure.getFieldErrorsJson()));
    }
    error.put("attempts", failure.getAttempts());
    error.put("retryable", failure.isRetryable());
    if (failure.getJobSlug() != null) {
      error.put("job", failure.getJobSlug());
    }
    return line.toString();
  }

  /**
   * The line for what a read could not read: {@code record} is the record's JSON as the API sent it
   * (or the query, for a page or a list that could not be read), {@code error} its kind and a
   * message that names the query and the page.
   */
  static String forReadFailure(BadRecord failure) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    String json = failure.getRecord().getHumanReadableJsonRecord();
    line.set("record", json == null ? Json.MAPPER.nullNode() : treeOrText(json));
    ObjectNode error = line.putObject("error");
    error.put("kind", failure.getFailure().getException());
    error.put("message", failure.getFailure().getDescription());
    return line.toString();
  }

  private static JsonNode treeOrText(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Json.MAPPER.getNodeFactory().textNode(json);
    }
  }

  /** The line for input that is not a record: {@code record} is what the file held. */
  public static String forUnparseable(
      JsonNode record, String reason, String file, long lineNumber) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.set("record", record);
    ObjectNode error = line.putObject("error");
    error.put("kind", UNPARSEABLE);
    error.put("message", reason);
    error.put("file", file);
    error.put("line", lineNumber);
    return line.toString();
  }

  /**
   * The record of a dead-letter line, or {@code node} itself if it is not one. A dead-letter line
   * is an object with exactly the members {@code record} and {@code error} (an object): no record
   * of the API has those fields, so a record is never mistaken for one.
   */
  public static JsonNode unwrap(JsonNode node) {
    if (node.isObject()
        && node.size() == 2
        && node.has("record")
        && node.get("error") != null
        && node.get("error").isObject()) {
      return node.get("record");
    }
    return node;
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // The connector wrote this JSON itself; failing to read it back is a bug, not bad input.
      throw new IllegalStateException("cannot read back JSON the connector wrote", e);
    }
  }
}
