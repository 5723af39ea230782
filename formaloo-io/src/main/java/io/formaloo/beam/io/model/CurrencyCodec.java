package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** JSON for {@link Currency}. */
final class CurrencyCodec extends JsonCodec<Currency, Currency.Builder> {
  static final CurrencyCodec INSTANCE = new CurrencyCodec();

  private CurrencyCodec() {
    super(Currency.class);
  }

  @Override
  Currency.Builder newBuilder() {
    return Currency.builder();
  }

  @Override
  boolean readField(Currency.Builder b, String name, JsonParser p) throws IOException {
    switch (name) {
      case "title":
        b.setTitle(JsonValues.string(p, name));
        return true;
      case "iso_code":
        String isoCode = JsonValues.string(p, name);
        if (isoCode == null) {
          throw JsonValues.mismatch(p, "Currency 'iso_code' must not be null");
        }
        b.setIsoCode(isoCode);
        return true;
      default:
        return false;
    }
  }

  @Override
  Currency build(Currency.Builder b, JsonParser p) throws IOException {
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw JsonValues.mismatch(p, "Currency is missing its required 'iso_code'");
    }
  }

  @Override
  void write(Currency v, JsonGenerator g, JsonForm form) throws IOException {
    g.writeStartObject();
    JsonValues.writeString(g, "title", v.getTitle());
    JsonValues.writeString(g, "iso_code", v.getIsoCode());
    g.writeEndObject();
  }
}
