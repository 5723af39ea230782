package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
  private static final UnaryOperator<String> AS_IS = s -> s;

  private static ErrorBody parse(String body) {
    return ErrorBody.parse(body.getBytes(StandardCharsets.UTF_8), AS_IS);
  }

  @Test
  void detailIsRead() {
    ErrorBody e = parse("{\"detail\": \"Invalid page.\"}");
    assertThat(e.detail, is("Invalid page."));
    assertThat(e.fieldErrors.isEmpty(), is(true));
  }

  @Test
  void fieldErrorsAreReadWithNestedOnesFlattened() {
    ErrorBody e =
        parse(
            "{\"email\": [\"Enter a valid email address.\"],"
                + " \"customer\": {\"phone_number\": [\"Too long.\"]},"
                + " \"non_field_errors\": [\"Either email or phone_number is required.\"]}");
    assertThat(e.fieldErrors.get("email"), contains("Enter a valid email address."));
    assertThat(e.fieldErrors.get("customer.phone_number"), contains("Too long."));
    assertThat(
        e.fieldErrors.get("non_field_errors"),
        contains("Either email or phone_number is required."));
  }

  @Test
  void bareListOfMessagesIsANonFieldError() {
    assertThat(parse("[\"Nope.\"]").fieldErrors.get("non_field_errors"), contains("Nope."));
  }

  @Test
  void errorsInsideAnEnvelopeAreRead() {
    ErrorBody e =
        parse("{\"status\": 400, \"errors\": {\"slug\": [\"already exists.\"]}, \"data\": null}");
    assertThat(e.fieldErrors.get("slug"), contains("already exists."));
  }

  @Test
  void bodyThatIsNotJsonBecomesAShortDetail() {
    ErrorBody e = parse("<html>" + "x".repeat(1000) + "</html>");
    assertThat(e.detail.length(), is(303));
    assertThat(parse("").detail, is(nullValue()));
  }

  @Test
  void everyTextIsRedacted() {
    Secrets secrets = new Secrets("the-api-key", "the-secret", null);
    ErrorBody e =
        ErrorBody.parse(
            "{\"detail\": \"bad key the-api-key\", \"x\": [\"the-secret\"]}"
                .getBytes(StandardCharsets.UTF_8),
            secrets::redact);
    assertThat(e.detail, is("bad key ****"));
    assertThat(e.fieldErrors.get("x"), is(List.of("****")));
  }

  @Test
  void textIsRedactedWhenNoTokenIsCachedToo() {
    // The token authenticator passes the cached token, null right after another thread dropped it.
    Secrets secrets = new Secrets("the-api-key", "the-secret", null);
    assertThat(secrets.redact("bad key the-api-key", (String) null), is("bad key ****"));
  }

  @Test
  void envelopeIsRecognisedAndUnwrapped() throws Exception {
    JsonNode wrapped =
        ClientJson.MAPPER.readTree("{\"status\": 200, \"errors\": {}, \"data\": {\"a\": 1}}");
    assertThat(Envelope.isEnvelope(wrapped), is(true));
    assertThat(Envelope.data(wrapped).path("a").asInt(), is(1));
  }

  @Test
  void batchJobWithAStatusIsNotMistakenForAnEnvelope() throws Exception {
    JsonNode job =
        ClientJson.MAPPER.readTree("{\"status\": \"imported\", \"slug\": \"j1\", \"data\": 1}");
    assertThat(Envelope.isEnvelope(job), is(false));
    JsonNode numericStatusRecord =
        ClientJson.MAPPER.readTree("{\"status\": 3, \"data\": {}, \"slug\": \"x\"}");
    assertThat(Envelope.isEnvelope(numericStatusRecord), is(false));
  }
}
