package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {
  private FormalooEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    emulator =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(4).seedActivities(6).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void statsCountRecordsAndRequestsPerEndpoint() throws Exception {
    api.get("/customers/");
    api.get("/customers/?page=2");
    JsonNode stats = api.raw("GET", "/__emulator/stats", null).body;
    assertThat(stats.get("customers").asInt(), is(4));
    assertThat(stats.get("activities").asInt(), is(6));
    assertThat(stats.get("endpoints").get("GET /customers/").asInt(), is(2));
    assertThat(stats.get("statuses").get("200").asInt(), is(1));
    assertThat(stats.get("statuses").get("404").asInt(), is(1));
    assertThat(emulator.endpointCount("GET /customers/"), is(2L));
    assertThat(emulator.endpointCount("POST /oauth2/authorization-token/"), is(1L));
  }

  @Test
  void requestsListsTheLogWithStatusAndDuration() throws Exception {
    api.get("/tags/?page=1");
    JsonNode log = api.raw("GET", "/__emulator/requests?limit=1", null).body;
    assertThat(log.size(), is(1));
    assertThat(log.get(0).get("path").asText(), is("/v1.0/tags/?page=1"));
    assertThat(log.get(0).get("endpoint").asText(), is("GET /tags/"));
    assertThat(log.get(0).get("status").asInt(), is(200));
    assertThat(log.get(0).has("duration_ms"), is(true));
  }

  @Test
  void lookupByEmailCodeAndSlug() throws Exception {
    JsonNode byEmail =
        api.raw("GET", "/__emulator/customers?email=customer1@example.com", null).body;
    String code = byEmail.get("code").asText();
    assertThat(
        api.raw("GET", "/__emulator/customers?code=" + code, null).body.get("email").asText(),
        is("customer1@example.com"));
    String slug = emulator.activitySlugs().get(0);
    assertThat(
        api.raw("GET", "/__emulator/activities?slug=" + slug, null).body.get("slug").asText(),
        is(slug));
    assertThat(
        api.raw("GET", "/__emulator/customers?email=nobody@example.com", null).status, is(404));
  }

  @Test
  void faultsCanBeReadAndChanged() throws Exception {
    ApiClient.Answer changed =
        api.raw("POST", "/__emulator/faults", "{\"error_rate\":1.0,\"retry_after\":\"absent\"}");
    assertThat(changed.status, is(200));
    assertThat(emulator.faults().errorRate(), is(1.0));
    assertThat(emulator.faults().retryAfterMode(), is(Faults.RetryAfterMode.ABSENT));
    assertThat(api.get("/tags/").status >= 500, is(true));
    api.raw("POST", "/__emulator/faults", "{\"error_rate\":0}");
    assertThat(api.get("/tags/").status, is(200));
  }

  @Test
  void invalidFaultsAre400() throws Exception {
    assertThat(api.raw("POST", "/__emulator/faults", "{\"error_rate\":2}").status, is(400));
  }

  @Test
  void expireTokensMakesTokensAnswer401() throws Exception {
    api.raw("POST", "/__emulator/expire-tokens", "");
    assertThat(api.get("/tags/").status, is(401));
  }

  @Test
  void resetLogClearsCounters() throws Exception {
    api.get("/tags/");
    api.raw("POST", "/__emulator/reset-log", "");
    assertThat(emulator.requestCount(), is(0L));
  }
}
