package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shapes an imported job's {@code import_results} can take ({@link BatchImportAnswer}), and the
 * server-side rule that refuses customers of one e-mail domain.
 */
class BatchImportAnswersTest {
  private static final String REFUSAL =
      "Customers with an e-mail address at blocked.example are not accepted.";

  /** A new customer, an existing one, one the rule refuses, one the checks refuse. */
  private static final String ROWS =
      "{\"file_type\":\"json\",\"customers_data\":["
          + "{\"email\":\"new@example.com\"},"
          + "{\"email\":\"customer0@example.com\",\"score\":7},"
          + "{\"email\":\"Ann@Blocked.example\",\"phone_number\":\"+3155\"},"
          + "{\"phone_number\":\"+3166\",\"email\":\"broken\"}]}";

  private static FormalooEmulator emulator(BatchImportAnswer answer) {
    return FormalooEmulator.start(
        EmulatorConfig.builder()
            .seedCustomers(3)
            .batchImportAnswer(answer)
            .rejectEmailDomain("blocked.example")
            .build());
  }

  private static JsonNode importResults(FormalooEmulator emulator) throws Exception {
    ApiClient api = ApiClient.authenticated(emulator);
    String slug = api.post("/customers/batch/", ROWS).body.get("slug").asText();
    JsonNode job =
        Await.until(
            () -> api.get("/customers/batch/" + slug + "/").body,
            j -> Set.of("imported", "failed").contains(j.get("status").asText()),
            Duration.ofSeconds(20));
    assertThat(job.get("status").asText(), is("imported"));
    // Whatever the answer says, the same rows landed.
    assertThat(emulator.findCustomerByEmail("new@example.com"), is(notNullValue()));
    assertThat(emulator.findCustomerByEmail("customer0@example.com").get("score").asInt(), is(7));
    assertThat(emulator.findCustomerByEmail("ann@blocked.example"), is(nullValue()));
    assertThat(emulator.customerCount(), is(4));
    return job.get("import_results");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void rowIndexedListsFailedRowsByIndexWithCounts() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.ROW_INDEXED)) {
      JsonNode results = importResults(emulator);

      assertThat(
          fieldNames(results), is(List.of("total", "new", "existing", "failed", "failed_rows")));
      assertThat(results.get("failed").asInt(), is(2));
      assertThat(results.get("failed_rows").get(0).get("row").asInt(), is(2));
      assertThat(
          results.get("failed_rows").get(0).get("errors").get("email").get(0).asText(),
          is(REFUSAL));
      assertThat(results.get("failed_rows").get(1).get("row").asInt(), is(3));
    }
  }

  @Test
  void keyedByIdentityListsFailedRowsByEmailElsePhone() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.KEYED_BY_IDENTITY)) {
      JsonNode results = importResults(emulator);

      assertThat(
          fieldNames(results),
          is(
              List.of(
                  "customers_count",
                  "new_customers",
                  "existing_customers",
                  "failed_customers",
                  "errors")));
      assertThat(results.get("customers_count").asInt(), is(4));
      assertThat(results.get("new_customers").asInt(), is(1));
      assertThat(results.get("existing_customers").asInt(), is(1));
      assertThat(results.get("failed_customers").asInt(), is(2));
      assertThat(fieldNames(results.get("errors")), is(List.of("Ann@Blocked.example", "broken")));
      assertThat(
          results.get("errors").get("Ann@Blocked.example").get("email").get(0).asText(),
          is(REFUSAL));
    }
  }

  @Test
  void countsOnlySaysHowManyFailedButNotWhich() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.COUNTS_ONLY)) {
      JsonNode results = importResults(emulator);

      assertThat(
          fieldNames(results),
          is(
              List.of(
                  "customers_count", "new_customers", "existing_customers", "failed_customers")));
      assertThat(results.get("failed_customers").asInt(), is(2));
    }
  }

  @Test
  void emptySaysNothing() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.EMPTY)) {
      assertThat(importResults(emulator).isEmpty(), is(true));
    }
  }

  @Test
  void messageOnlyTellsTheFailuresInFreeText() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.MESSAGE_ONLY)) {
      JsonNode results = importResults(emulator);

      assertThat(fieldNames(results), is(List.of("message")));
      assertThat(results.get("message").asText(), containsString("2 of 4 customers imported."));
      assertThat(results.get("message").asText(), containsString(REFUSAL));
    }
  }

  @Test
  void theDomainRuleRefusesACustomerWrittenOnItsOwnWithTheSameFieldError() throws Exception {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.ROW_INDEXED)) {
      ApiClient api = ApiClient.authenticated(emulator);
      ApiClient.Answer refused = api.post("/customers/", "{\"email\":\"bob@blocked.example\"}");
      ApiClient.Answer accepted = api.post("/customers/", "{\"email\":\"bob@example.com\"}");
      String code = accepted.body.get("code").asText();
      ApiClient.Answer moved =
          api.patch("/customers/" + code + "/", "{\"email\":\"bob@blocked.example\"}");

      assertThat(refused.status, is(400));
      assertThat(refused.body.get("email").get(0).asText(), is(REFUSAL));
      assertThat(accepted.status, is(201));
      assertThat(moved.status, is(400));
      assertThat(moved.body.get("email").get(0).asText(), is(REFUSAL));
      assertThat(emulator.findCustomerByEmail("bob@example.com"), is(notNullValue()));
      assertThat(emulator.customerCount(), is(4));
    }
  }

  @Test
  void theAnswerShapeAndTheRuleAreCommandLineFlagsToo() {
    EmulatorConfig config =
        EmulatorMain.parse(
            new String[] {"--batchAnswer=counts-only", "--rejectEmailDomain=blocked.example"});

    assertThat(config.batchImportAnswer(), is(BatchImportAnswer.COUNTS_ONLY));
    assertThat(config.rejectedEmailDomain(), is("blocked.example"));
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--batchAnswer=xml"}));
    assertThat(wrong.getMessage(), containsString("--batchAnswer must be row_indexed"));
  }
}
