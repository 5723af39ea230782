package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.formaloo.beam.emulator.Route.Access;
import java.util.List;
import java.util.Map;

/** {@code /customers/batch/}: submits an import job and answers its progress. */
final class BatchImportEndpoints {
  private final BatchImporter batches;

  BatchImportEndpoints(BatchImporter batches) {
    this.batches = batches;
  }

  void addRoutes(List<Route> r) {
    r.add(new Route("POST", "/customers/batch/", Access.KEY_AND_TOKEN, true, this::createBatch));
    r.add(new Route("GET", "/customers/batch/{slug}/", Access.KEY_AND_TOKEN, true, this::getBatch));
  }

  private ApiResponse createBatch(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    JsonNode rows = body.get("customers_data");
    if (rows != null && rows.isTextual()) {
      // Some clients send the array as a JSON string (multipart forms); accept it when it parses.
      try {
        rows = Json.MAPPER.readTree(rows.asText());
      } catch (java.io.IOException e) {
        throw FieldErrors.single("customers_data", "Value must be valid JSON.");
      }
    }
    String fileType = Bodies.textOf(body, "file_type");
    FieldErrors errors = new FieldErrors();
    if (fileType != null && !fileType.equals("json") && !fileType.equals("excel")) {
      errors.add("file_type", "\"" + fileType + "\" is not a valid choice.");
    }
    if (rows == null || rows.isNull()) {
      if (Bodies.textOf(body, "file") != null) {
        errors.add(
            "file", "The emulator does not fetch files: send the rows as customers_data instead.");
      } else {
        errors.add("customers_data", "Send customers_data (a JSON array of customers) or a file.");
      }
    } else if (!rows.isArray()) {
      errors.add(
          "customers_data",
          "Expected a list of customers but got type \"" + Bodies.typeName(rows) + "\".");
    } else if (rows.isEmpty()) {
      errors.add("customers_data", "This list may not be empty.");
    }
    errors.throwIfAny();
    return ApiResponse.created(Views.batchJob(batches.submit((ArrayNode) rows)));
  }

  private ApiResponse getBatch(ApiRequest req, Map<String, String> p) {
    return ApiResponse.ok(Views.batchJob(ApiException.notFoundIfNull(batches.job(p.get("slug")))));
  }
}
