package io.formaloo.beam.pipelines.deadletters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.pipelines.records.Json;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  @Test
  void aFailureKeepsItsRecordInTheApisJsonAndSaysWhy() throws Exception {
    FailedRecord failure =
        FailedRecord.builder()
            .setCustomer(Customer.builder().setEmail("bad@").setFullName("Bad").build())
            .setKind(FailureKind.REJECTED)
            .setStatus(400)
            .setError("Enter a valid email address.")
            .setFieldErrorsJson("{\"email\":[\"Enter a valid email address.\"]}")
            .setAttempts(1)
            .build();

    JsonNode line = Json.MAPPER.readTree(DeadLetters.forFailure(failure));

    assertThat(line.get("record").toString(), is("{\"full_name\":\"Bad\",\"email\":\"bad@\"}"));
    assertThat(line.get("error").get("kind").asText(), is("REJECTED"));
    assertThat(line.get("error").get("status").asInt(), is(400));
    assertThat(
        line.get("error").get("field_errors").get("email").get(0).asText(),
        is("Enter a valid email address."));
    assertThat(line.get("error").get("retryable").asBoolean(), is(false));
  }

  @Test
  void aDeadLetterLineUnwrapsToItsRecord() throws Exception {
    JsonNode line =
        Json.MAPPER.readTree(
            "{\"record\": {\"email\": \"a@example.org\"}, \"error\": {\"kind\": \"QUOTA\"}}");

    assertThat(DeadLetters.unwrap(line).toString(), is("{\"email\":\"a@example.org\"}"));
  }

  @Test
  void aRecordIsNeverTakenForADeadLetterLine() throws Exception {
    for (String json :
        new String[] {
          "{\"record\": {}, \"error\": \"text\"}",
          "{\"record\": {}, \"error\": {}, \"email\": \"a@example.org\"}",
          "{\"email\": \"a@example.org\"}"
        }) {
      JsonNode node = Json.MAPPER.readTree(json);
      assertThat(json, DeadLetters.unwrap(node), is(node));
    }
  }
}
