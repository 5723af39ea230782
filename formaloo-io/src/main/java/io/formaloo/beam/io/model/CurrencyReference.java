package io.formaloo.beam.io.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * An activity's currency: answers carry it as an object ({@code {"title": ..., "iso_code":
 * "USD"}}), requests name it by its iso code ({@code "USD"}). Both forms read; each form writes its
 * own.
 */
final class CurrencyReference {
  private CurrencyReference() {}

  static final class Reader extends JsonDeserializer<Currency> {
    @Override
    public Currency deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return Currency.of(p.getText());
      }
      return context.readValue(p, Currency.class);
    }
  }

  static final class Writer extends JsonSerializer<Currency> {
    @Override
    public void serialize(Currency currency, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      if (provider.getActiveView() == JsonForm.Request.class) {
        g.writeString(currency.getIsoCode());
      } else {
        provider.findValueSerializer(Currency.class).serialize(currency, g, provider);
      }
    }
  }
}
