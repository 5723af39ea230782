package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private FormalooEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(30).seedActivities(30).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void latencyDelaysEveryAnswer() throws Exception {
    emulator.setFaults(
        Faults.builder().latency(Duration.ofMillis(40), Duration.ofMillis(20)).build());
    emulator.resetRequestLog();
    for (int i = 0; i < 5; i++) {
      api.get("/tags/");
    }
    for (RequestLogEntry entry : emulator.requestLog()) {
      assertThat(entry.duration().toMillis(), greaterThanOrEqualTo(40L));
    }
  }

  @Test
  void rateLimitAnswers429WithRetryAfterSeconds() throws Exception {
    emulator.setFaults(Faults.builder().rateLimit(3, Faults.RetryAfterMode.SECONDS).build());
    ApiClient.Answer throttled = firstThrottled();
    assertThat(throttled.header("Retry-After"), isIn(Set.of("1", "2")));
    assertThat(throttled.body.get("detail").asText().startsWith("Request was throttled"), is(true));
  }

  @Test
  void rateLimitCanAnswerWithAnHttpDate() throws Exception {
    emulator.setFaults(Faults.builder().rateLimit(3, Faults.RetryAfterMode.HTTP_DATE).build());
    String header = firstThrottled().header("Retry-After");
    ZonedDateTime when = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(when.isAfter(ZonedDateTime.now().minusSeconds(1)), is(true));
    assertThat(when.isBefore(ZonedDateTime.now().plusSeconds(5)), is(true));
  }

  @Test
  void rateLimitCanAnswerWithoutRetryAfter() throws Exception {
    emulator.setFaults(Faults.builder().rateLimit(3, Faults.RetryAfterMode.ABSENT).build());
    assertThat(firstThrottled().header("Retry-After"), nullValue());
  }

  @Test
  void rateLimitLetsTheLimitThroughEachSecond() throws Exception {
    emulator.setFaults(Faults.builder().rateLimit(5, Faults.RetryAfterMode.SECONDS).build());
    int ok = 0;
    for (int i = 0; i < 20; i++) {
      if (api.get("/tags/").status == 200) {
        ok++;
      }
    }
    // 20 quick requests span at most two one-second windows
    assertThat(ok, allOf(greaterThanOrEqualTo(5), lessThan(11)));
  }

  @Test
  void errorRateAnswers5xxWithoutDoingTheWork() throws Exception {
    emulator.setFaults(Faults.builder().errorRate(1.0).build());
    ApiClient.Answer answer = api.post("/customers/", "{\"email\":\"e@example.com\"}");
    assertThat(answer.status, isIn(Set.of(500, 502, 503)));
    assertThat(emulator.findCustomerByEmail("e@example.com"), nullValue());
  }

  @Test
  void errorRateIsAProbability() throws Exception {
    emulator.setFaults(Faults.builder().errorRate(0.3).build());
    int errors = 0;
    for (int i = 0; i < 200; i++) {
      if (api.get("/tags/").status >= 500) {
        errors++;
      }
    }
    assertThat(errors, allOf(greaterThan(25), lessThan(100)));
  }

  @Test
  void dropRateDropsTheConnectionWithoutDoingTheWork() throws Exception {
    emulator.setFaults(Faults.builder().dropRate(1.0).build());
    assertThrows(IOException.class, () -> api.post("/customers/", "{\"email\":\"d@example.com\"}"));
    assertThat(emulator.findCustomerByEmail("d@example.com"), nullValue());
    assertThat(lastLogged().dropped(), is(true));
  }

  @Test
  void dropAfterCommitAppliesTheWriteThenDropsTheAnswer() throws Exception {
    emulator.setFaults(Faults.builder().dropAfterCommitRate(1.0).build());
    assertThrows(IOException.class, () -> api.post("/customers/", "{\"email\":\"c@example.com\"}"));
    assertThat(emulator.findCustomerByEmail("c@example.com"), notNullValue());
    assertThat(lastLogged().dropped(), is(true));
    assertThat(lastLogged().status(), is(201));
  }

  @Test
  void theServerKeepsServingAfterDrops() throws Exception {
    emulator.setFaults(Faults.builder().dropRate(1.0).build());
    assertThrows(IOException.class, () -> api.get("/tags/"));
    emulator.setFaults(Faults.none());
    assertThat(api.get("/tags/").status, is(200));
  }

  @Test
  void envelopeWrapsSuccessesInData() throws Exception {
    emulator.setFaults(Faults.builder().envelope(true).build());
    JsonNode answer = api.get("/customers/").body;
    assertThat(answer.get("status").asInt(), is(200));
    assertThat(answer.get("errors").size(), is(0));
    assertThat(answer.get("data").get("count").asInt(), is(30));
  }

  @Test
  void envelopeWrapsErrorsInErrors() throws Exception {
    emulator.setFaults(Faults.builder().envelope(true).build());
    ApiClient.Answer answer = api.post("/customers/", "{\"email\":\"bad\"}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.get("status").asInt(), is(400));
    assertThat(answer.body.get("errors").has("email"), is(true));
    assertThat(answer.body.get("data").isNull(), is(true));
  }

  @Test
  void insertsWhileListingShiftRecordsToLaterPages() throws Exception {
    List<String> before = emulator.customerCodes();
    emulator.setFaults(Faults.builder().insertsPerListRequest(2).build());
    JsonNode page2 = api.get("/customers/?page=2").body;
    assertThat(emulator.customerCount(), is(32));
    // two newer records pushed everything back by two
    assertThat(page2.get("customers").get(2).get("code").asText(), is(before.get(10)));
  }

  @Test
  void deletesWhileListingShrinkTheList() throws Exception {
    emulator.setFaults(Faults.builder().deletesPerListRequest(3).build());
    api.get("/activities");
    assertThat(emulator.activityCount(), is(27));
    api.get("/customers/");
    assertThat(emulator.customerCount(), is(27));
  }

  @Test
  void adminPathsAreNeverFaulted() throws Exception {
    emulator.setFaults(Faults.builder().errorRate(1.0).dropRate(1.0).build());
    assertThat(api.raw("GET", "/__emulator/stats", null).status, is(200));
  }

  @Test
  void aSlowCustomersWriteIsAnsweredAfterTheOthersAnsweredWhileItWaited() throws Exception {
    emulator.setFaults(
        Faults.builder().slowCustomer("Slow@example.com", 2, Duration.ofSeconds(30)).build());
    emulator.resetRequestLog();
    ExecutorService senders = Executors.newFixedThreadPool(3);
    try {
      List<Future<ApiClient.Answer>> answers = new ArrayList<>();
      // In any order: writes of others that come first wait for the slow one to arrive.
      for (String email : List.of("one@example.com", "slow@example.com", "two@example.com")) {
        answers.add(senders.submit(() -> api.post("/customers/", "{\"email\":\"" + email + "\"}")));
      }
      for (Future<ApiClient.Answer> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).status, is(201));
      }
    } finally {
      senders.shutdownNow();
    }
    RequestLogEntry slow = loggedFor("slow@example.com");
    for (String other : List.of("one@example.com", "two@example.com")) {
      RequestLogEntry entry = loggedFor(other);
      assertThat(other, entry.answered(), greaterThan(slow.received()));
      assertThat(other, entry.answered(), lessThan(slow.answered()));
    }
  }

  @Test
  void aSlowCustomersWaitsEndAfterTheirLongest() throws Exception {
    emulator.setFaults(
        Faults.builder().slowCustomer("slow@example.com", 5, Duration.ofMillis(100)).build());
    // Nobody else writes: it is answered once its longest wait is over.
    assertThat(api.post("/customers/", "{\"email\":\"slow@example.com\"}").status, is(201));
    emulator.setFaults(
        Faults.builder().slowCustomer("slow@example.com", 5, Duration.ofMillis(100)).build());
    // The slow one never comes: another is answered once its wait for it is over.
    assertThat(api.post("/customers/", "{\"email\":\"other@example.com\"}").status, is(201));
  }

  @Test
  void theRequestLogPlacesArrivalsAndAnswersOnOneCount() throws Exception {
    emulator.resetRequestLog();
    api.post("/customers/", "{\"email\":\"ada@example.com\"}");
    api.get("/tags/");
    List<RequestLogEntry> log = emulator.requestLog();
    assertThat(log.get(0).received(), lessThan(log.get(0).answered()));
    assertThat(log.get(0).answered(), lessThan(log.get(1).received()));
    assertThat(log.get(1).received(), lessThan(log.get(1).answered()));
    assertThat(log.get(0).subject(), is("ada@example.com"));
    assertThat(log.get(1).subject(), nullValue());
  }

  private RequestLogEntry loggedFor(String email) {
    return emulator.requestLog().stream()
        .filter(e -> email.equals(e.subject()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no write of " + email + " logged"));
  }

  private ApiClient.Answer firstThrottled() throws Exception {
    for (int i = 0; i < 50; i++) {
      ApiClient.Answer answer = api.get("/tags/");
      if (answer.status == 429) {
        return answer;
      }
    }
    throw new AssertionError("no 429 in 50 requests");
  }

  private RequestLogEntry lastLogged() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.get(log.size() - 1);
  }
}
