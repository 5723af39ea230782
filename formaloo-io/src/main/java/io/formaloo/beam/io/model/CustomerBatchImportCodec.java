package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link CustomerBatchImport}. */
final class CustomerBatchImportCodec
    extends JsonCodec<CustomerBatchImport, CustomerBatchImport.Builder> {
  static final CustomerBatchImportCodec INSTANCE = new CustomerBatchImportCodec();

  private CustomerBatchImportCodec() {
    super(CustomerBatchImport.class);
  }

  @Override
  CustomerBatchImport.Builder newBuilder() {
    return CustomerBatchImport.builder();
  }

  @Override
  boolean readField(CustomerBatchImport.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "status":
        b.setStatus(JsonValues.enumValue(p, name, CustomerBatchImport.Status::fromJson));
        return true;
      case "file":
        b.setFile(JsonValues.string(p, name));
        return true;
      case "customers_data":
        b.setCustomersDataJson(FreeFormJson.capture(p));
        return true;
      case "file_type":
        b.setFileType(JsonValues.enumValue(p, name, CustomerBatchImport.FileType::fromJson));
        return true;
      case "slug":
        b.setSlug(JsonValues.string(p, name));
        return true;
      case "created_at":
        b.setCreatedAt(JsonValues.instant(p, name));
        return true;
      case "imported_at":
        b.setImportedAt(JsonValues.instant(p, name));
        return true;
      case "import_results":
        b.setImportResultsJson(FreeFormJson.capture(p));
        return true;
      default:
        return false;
    }
  }

  @Override
  CustomerBatchImport build(CustomerBatchImport.Builder b, JsonParser p) {
    return b.build();
  }

  @Override
  void write(CustomerBatchImport v, JsonGenerator g, JsonForm form) throws IOException {
    boolean record = form == JsonForm.RECORD;
    g.writeStartObject();
    if (record) {
      CustomerBatchImport.Status status = v.getStatus();
      JsonValues.writeString(g, "status", status == null ? null : status.jsonValue());
    }
    JsonValues.writeString(g, "file", v.getFile());
    JsonValues.writeFreeForm(g, "customers_data", v.getCustomersDataJson());
    CustomerBatchImport.FileType fileType = v.getFileType();
    JsonValues.writeString(g, "file_type", fileType == null ? null : fileType.jsonValue());
    if (record) {
      JsonValues.writeString(g, "slug", v.getSlug());
      JsonValues.writeInstant(g, "created_at", v.getCreatedAt());
      JsonValues.writeInstant(g, "imported_at", v.getImportedAt());
      JsonValues.writeFreeForm(g, "import_results", v.getImportResultsJson());
    }
    g.writeEndObject();
  }
}
