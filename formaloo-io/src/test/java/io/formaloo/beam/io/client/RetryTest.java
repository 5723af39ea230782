package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.Faults.RetryAfterMode;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String LIST_CUSTOMERS = "GET /customers/";

  private FormalooEmulator emulator;
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(5).build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void burstOfServerErrorsIsRetriedUntilTheServerRecovers() throws Exception {
    try (FormalooClient client = warmClient(configFor(emulator).build())) {
      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      time.onSleep(n -> recoverAfter(n, 3));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    List<Integer> statuses = EmulatorLog.statuses(emulator, LIST_CUSTOMERS, 5);
    assertThat(statuses, hasSize(5));
    assertThat(statuses.subList(1, 4), everyItem(isOneOf(500, 502, 503)));
    assertThat(statuses.get(4), is(200));
  }

  @Test
  void serverErrorsOutlastingTheAttemptsAreARemoteError() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(10)).build())
            .build();
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.REMOTE));
      assertThat(e.isRetryable(), is(true));
      assertThat(e.attempts(), is(4));
      assertThat(e.status(), isOneOf(500, 502, 503));
    }
    assertThat(EmulatorLog.count(emulator, LIST_CUSTOMERS, 5), is(5L));
  }

  @Test
  void retriesStopBeforeTheTotalTimeWouldRunOut() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(100)
                    .maxElapsed(Duration.ofSeconds(1))
                    .initialBackoff(Duration.ofMillis(200))
                    .maxBackoff(Duration.ofMillis(200))
                    .build())
            .build();
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      // Jitter is fixed at half the cap: 100 ms waits, ten of which fill the second.
      assertThat(time.sleeps().stream().mapToLong(Long::longValue).sum(), is(1000L));
      assertThat(e.attempts(), is(11));
    }
  }

  @Test
  void droppedConnectionIsRetried() throws Exception {
    try (FormalooClient client = warmClient(configFor(emulator).build())) {
      emulator.setFaults(Faults.builder().dropRate(1.0).build());
      time.onSleep(n -> recoverAfter(n, 1));
      assertThat(client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1).getRecords(), hasSize(5));
    }
    List<RequestLogEntry> gets = EmulatorLog.entries(emulator, LIST_CUSTOMERS, 3);
    assertThat(gets.get(1).dropped(), is(true));
    assertThat(gets.get(2).status(), is(200));
  }

  @Test
  void writeWhoseAnswerWasCutShortIsRetriedAndUpsertsOneCustomer() throws Exception {
    int before = emulator.customerCount();
    ObjectNode customer = ClientJson.MAPPER.createObjectNode().put("email", "cut@example.com");
    try (FormalooClient client = warmClient(configFor(emulator).build())) {
      emulator.setFaults(Faults.builder().dropAfterCommitRate(1.0).build());
      time.onSleep(n -> recoverAfter(n, 1));
      assertThat(
          client.postJson("/customers/", customer).path("email").asText(), is("cut@example.com"));
    }
    assertThat(emulator.customerCount(), is(before + 1));
    List<RequestLogEntry> posts = EmulatorLog.entries(emulator, "POST /customers/", 2);
    assertThat(posts, hasSize(2));
    assertThat(posts.get(0).dropped(), is(true));
  }

  @Test
  void readTimeoutIsRetried() throws Exception {
    FormalooConfig config = configFor(emulator).readTimeout(Duration.ofMillis(200)).build();
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().latency(Duration.ofSeconds(2), Duration.ZERO).build());
      time.onSleep(n -> recoverAfter(n, 1));
      assertThat(client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1).getRecords(), hasSize(5));
    }
  }

  @Test
  void timeoutsOutlastingTheAttemptsAreATimeoutError() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .readTimeout(Duration.ofMillis(100))
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build())
            .build();
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().latency(Duration.ofSeconds(2), Duration.ZERO).build());
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.TIMEOUT));
      assertThat(e.status(), is(0));
      assertThat(e.attempts(), is(2));
    }
  }

  @Test
  void refusedConnectionsAfterTheServerAnsweredAreRetriedThenARemoteError() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10)).build())
            .build();
    try (FormalooClient client = client(config, time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      emulator.close();
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.REMOTE));
      assertThat(e.attempts(), is(3));
      assertThat(time.sleeps(), hasSize(2));
    }
  }

  @Test
  void aConnectionRefusedBeforeAnyAnswerIsAConfigurationErrorWithoutRetries() throws Exception {
    FormalooConfig config = configFor(emulator).build();
    emulator.close();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.attempts(), is(1));
      assertThat(e.getMessage(), containsString("127.0.0.1:" + emulator.port() + " refused"));
      assertThat(e.getMessage(), containsString("check baseUrl"));
      assertThat(time.sleeps(), hasSize(0));
    }
  }

  @Test
  void tooManyRequestsWaitsOutRetryAfterInSeconds() throws Exception {
    List<Long> waits = waitsAfterA429(RetryAfterMode.SECONDS, configFor(emulator).build());
    // "Retry-After: 1", plus jitter (half of the 10 ms initial backoff) on top, never below.
    assertThat(waits, contains(1005L));
  }

  @Test
  void tooManyRequestsWaitsOutRetryAfterAsAnHttpDate() throws Exception {
    List<Long> waits = waitsAfterA429(RetryAfterMode.HTTP_DATE, configFor(emulator).build());
    assertThat(waits, hasSize(1));
    // The emulator rounds its date up to the next whole second, at least a second away.
    assertThat(waits.get(0), greaterThanOrEqualTo(900L));
    assertThat(waits.get(0), lessThanOrEqualTo(2100L));
  }

  @Test
  void retryAfterLongerThanTheCapIsCutToTheCap() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .retryPolicy(
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(10))
                    .maxRetryAfter(Duration.ofMillis(200))
                    .build())
            .build();
    assertThat(waitsAfterA429(RetryAfterMode.SECONDS, config), contains(205L));
  }

  @Test
  void tooManyRequestsWithoutRetryAfterBacksOffAndCutsTheRate() throws Exception {
    FormalooConfig config = configFor(emulator).rateLimit(RateLimit.of(100, 100)).build();
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().rateLimit(1, RetryAfterMode.ABSENT).build());
      time.onSleep(n -> recoverAfter(n, 1));
      for (int i = 0; i < 10 && time.sleeps().isEmpty(); i++) {
        client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      }
      assertThat(client.currentRate(), lessThan(RateController.INITIAL_RATE));
    }
    // The first wait is the backoff (half the 10 ms cap), not a second-long Retry-After.
    assertThat(time.sleeps().get(0), is(5L));
    assertThat(EmulatorLog.statusCount(emulator, 429, 1), is(1L));
  }

  @Test
  void answersThatRetriesCannotCureAreSentOnce() throws Exception {
    ObjectNode invalid = ClientJson.MAPPER.createObjectNode().put("email", "not-an-email");
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      assertThrows(FormalooException.class, () -> client.postJson("/customers/", invalid));
    }
    assertThat(EmulatorLog.count(emulator, "POST /customers/", 1), is(1L));
    assertThat(time.sleeps(), hasSize(0));
  }

  /** The waits of a client that ran into one 429 (with the given Retry-After) and recovered. */
  private List<Long> waitsAfterA429(RetryAfterMode mode, FormalooConfig config) throws Exception {
    try (FormalooClient client = warmClient(config)) {
      emulator.setFaults(Faults.builder().rateLimit(1, mode).build());
      time.onSleep(n -> recoverAfter(n, 1));
      // One request a second passes; of a few sent at once, one is refused.
      for (int i = 0; i < 10 && time.sleeps().isEmpty(); i++) {
        client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      }
    }
    assertThat(EmulatorLog.statusCount(emulator, 429, 1), is(1L));
    return time.sleeps();
  }

  /** A client that already holds a token, so that faults hit the call under test only. */
  private FormalooClient warmClient(FormalooConfig config) {
    FormalooClient client = client(config, time);
    client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    return client;
  }

  private void recoverAfter(int sleep, int sleeps) {
    if (sleep == sleeps) {
      emulator.setFaults(Faults.none());
    }
  }
}
