package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchImportTest {
  private FormalooEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(5).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode awaitFinal(String slug, Set<String> seen) throws Exception {
    return Await.until(
        () -> {
          JsonNode job = api.get("/customers/batch/" + slug + "/").body;
          seen.add(job.get("status").asText());
          return job;
        },
        job -> Set.of("imported", "failed", "canceled").contains(job.get("status").asText()),
        Duration.ofSeconds(20));
  }

  @Test
  void aJobMovesThroughItsStatusesAndImportsItsRows() throws Exception {
    ApiClient.Answer created =
        api.post(
            "/customers/batch/",
            "{\"file_type\":\"json\",\"customers_data\":["
                + "{\"email\":\"b1@example.com\",\"full_name\":\"B1\"},"
                + "{\"phone_number\":\"+3100\"},"
                + "{\"email\":\"customer0@example.com\",\"score\":99}]}");
    assertThat(created.status, is(201));
    assertThat(created.body.get("status").asText(), is("new"));
    String slug = created.body.get("slug").asText();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode done = awaitFinal(slug, seen);

    assertThat(done.get("status").asText(), is("imported"));
    assertThat(done.get("imported_at").isNull(), is(false));
    JsonNode results = done.get("import_results");
    assertThat(results.get("new").asInt(), is(2));
    assertThat(results.get("existing").asInt(), is(1));
    assertThat(results.get("failed").asInt(), is(0));
    assertThat(emulator.findCustomerByEmail("b1@example.com"), notNullValue());
    assertThat(emulator.findCustomerByEmail("customer0@example.com").get("score").asInt(), is(99));
    assertThat(emulator.customerCount(), is(7));
  }

  @Test
  void theStatusIsObservedMovingForward() throws Exception {
    try (FormalooEmulator slow =
        FormalooEmulator.start(
            EmulatorConfig.builder().batchStepDelay(Duration.ofMillis(150)).build())) {
      ApiClient client = ApiClient.authenticated(slow);
      String slug =
          client
              .post("/customers/batch/", "{\"customers_data\":[{\"email\":\"s@example.com\"}]}")
              .body
              .get("slug")
              .asText();
      Set<String> seen = new LinkedHashSet<>();
      Await.until(
          () -> {
            JsonNode job = client.get("/customers/batch/" + slug + "/").body;
            seen.add(job.get("status").asText());
            return job.get("status").asText();
          },
          "imported"::equals,
          Duration.ofSeconds(20));
      assertThat(seen, hasItem("queued"));
      assertThat(seen, hasItem("in_progress"));
      assertThat(seen, hasItem("imported"));
    }
  }

  @Test
  void failedRowsAreListedWithTheirFieldErrors() throws Exception {
    String slug =
        api.post(
                "/customers/batch/",
                "{\"customers_data\":[{\"email\":\"ok@example.com\"},{\"email\":\"broken\"},"
                    + "{\"full_name\":\"no identity\"},\"not an object\"]}")
            .body
            .get("slug")
            .asText();
    JsonNode results = awaitFinal(slug, new LinkedHashSet<>()).get("import_results");
    assertThat(results.get("new").asInt(), is(1));
    assertThat(results.get("failed").asInt(), is(3));
    JsonNode failed = results.get("failed_rows");
    assertThat(failed.get(0).get("row").asInt(), is(1));
    assertThat(
        failed.get(0).get("errors").get("email").get(0).asText(),
        is("Enter a valid email address."));
    assertThat(failed.get(1).get("row").asInt(), is(2));
    assertThat(failed.get(1).get("errors").has("non_field_errors"), is(true));
    assertThat(failed.get(2).get("data").asText(), is("not an object"));
  }

  @Test
  void theFailureFaultFailsTheJobWithoutImportingAnyRow() throws Exception {
    emulator.setFaults(Faults.builder().batchJobFailureRate(1.0).build());
    String slug =
        api.post("/customers/batch/", "{\"customers_data\":[{\"email\":\"f@example.com\"}]}")
            .body
            .get("slug")
            .asText();
    JsonNode done = awaitFinal(slug, new LinkedHashSet<>());
    assertThat(done.get("status").asText(), is("failed"));
    assertThat(emulator.findCustomerByEmail("f@example.com") == null, is(true));
  }

  @Test
  void customersDataMustBeAnArray() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/customers/batch/",
            "{\"customers_data\":{\"property1\":null},\"file_type\":\"excel\"}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.has("customers_data"), is(true));
    assertThat(emulator.batchJobCount(), is(0));
  }

  @Test
  void customersDataMayBeAJsonString() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/customers/batch/",
            "{\"customers_data\":\"[{\\\"email\\\":\\\"j@example.com\\\"}]\"}");
    assertThat(answer.status, is(201));
    awaitFinal(answer.body.get("slug").asText(), new LinkedHashSet<>());
    assertThat(emulator.findCustomerByEmail("j@example.com"), notNullValue());
  }

  @Test
  void anUnknownJobIs404() throws Exception {
    assertThat(api.get("/customers/batch/nope/").status, is(404));
  }
}
