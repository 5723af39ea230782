package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static final String SERVICE_TOKEN = "POST /oauth2/authorization-token/";
  private static final String OAUTH_TOKEN = "POST /oauth/authorize";
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
  void serviceFlowFetchesOneTokenForManyCalls() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      for (int i = 0; i < 5; i++) {
        client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      }
    }
    assertThat(count(SERVICE_TOKEN, 1), is(1L));
    assertThat(statuses(LIST_CUSTOMERS, 5), equalTo(List.of(200, 200, 200, 200, 200)));
  }

  @Test
  void oauth2FlowFetchesOneBearerTokenForManyCalls() throws Exception {
    FormalooConfig config =
        configFor(emulator).authFlow(AuthFlow.OAUTH2_CLIENT_CREDENTIALS).build();
    try (FormalooClient client = client(config, time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(count(OAUTH_TOKEN, 1), is(1L));
    assertThat(emulator.endpointCount(SERVICE_TOKEN), is(0L));
    assertThat(statuses(LIST_CUSTOMERS, 2), equalTo(List.of(200, 200)));
  }

  @Test
  void staticTokenIsUsedAsGivenWithoutTokenRequests() throws Exception {
    String token = tokenFromOAuthEndpoint();
    emulator.resetRequestLog();
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.STATIC_TOKEN)
            .credentials(FormalooCredentials.accessToken(emulator.apiKey(), token))
            .build();
    try (FormalooClient client = client(config, time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(emulator.endpointCount(OAUTH_TOKEN) + emulator.endpointCount(SERVICE_TOKEN), is(0L));
    assertThat(statuses(LIST_CUSTOMERS, 1), equalTo(List.of(200)));
  }

  @Test
  void rejectedStaticTokenIsAConfigurationErrorAtOnce() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.STATIC_TOKEN)
            .credentials(FormalooCredentials.accessToken(emulator.apiKey(), "not-a-live-token"))
            .build();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.getMessage(), containsString("access token was rejected by " + host()));
    }
    assertThat(count(LIST_CUSTOMERS, 1), is(1L));
  }

  @Test
  void writeKeyOnlyCreatesCustomersWithoutAnyToken() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.WRITE_KEY_ONLY)
            .credentials(FormalooCredentials.apiKeyOnly(emulator.apiKey()))
            .build();
    ObjectNode customer = ClientJson.MAPPER.createObjectNode().put("email", "w@example.com");
    try (FormalooClient client = client(config, time)) {
      JsonNode created = client.postJson("/customers/", customer);
      assertThat(created.path("email").asText(), is("w@example.com"));
    }
    assertThat(
        emulator.findCustomerByEmail("w@example.com").path("email").asText(), is("w@example.com"));
    assertThat(emulator.endpointCount(OAUTH_TOKEN) + emulator.endpointCount(SERVICE_TOKEN), is(0L));
  }

  @Test
  void writeKeyOnlyCannotReadAndSaysWhy() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.WRITE_KEY_ONLY)
            .credentials(FormalooCredentials.apiKeyOnly(emulator.apiKey()))
            .build();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.status(), is(401));
      assertThat(e.getMessage(), containsString("the API key was rejected by " + host()));
    }
  }

  @Test
  void clientsOfOneJvmShareOneToken() throws Exception {
    try (FormalooClient first = client(configFor(emulator).build(), time);
        FormalooClient second = client(configFor(emulator).build(), time)) {
      first.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      second.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(count(SERVICE_TOKEN, 1), is(1L));
  }

  @Test
  void tokenExpiringMidRunIsRenewedOnceAndTheCallSucceeds() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      emulator.expireAllTokens();
      assertThat(client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1).getCount(), is(5L));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(count(SERVICE_TOKEN, 2), is(2L));
    assertThat(statuses(LIST_CUSTOMERS, 4), equalTo(List.of(200, 401, 200, 200)));
  }

  @Test
  void serviceTokenIsRenewedBeforeTheConfiguredLifetimeRunsOut() throws Exception {
    FormalooConfig config = configFor(emulator).tokenLifetime(Duration.ofSeconds(25)).build();
    try (FormalooClient client = client(config, time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      time.advance(Duration.ofSeconds(20));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      assertThat(count(SERVICE_TOKEN, 1), is(1L));
      time.advance(Duration.ofSeconds(6));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(count(SERVICE_TOKEN, 2), is(2L));
    // Renewed ahead of time: no call was ever refused.
    assertThat(statuses(LIST_CUSTOMERS, 3), equalTo(List.of(200, 200, 200)));
  }

  @Test
  void oauth2TokenLivesAsLongAsItsExpiresInSays() throws Exception {
    emulator.close();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().tokenLifetime(Duration.ofMinutes(10)).build());
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.OAUTH2_CLIENT_CREDENTIALS)
            .tokenLifetime(Duration.ofSeconds(25))
            .build();
    try (FormalooClient client = client(config, time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      // Far past the configured fallback lifetime, well within expires_in (600 s).
      time.advance(Duration.ofSeconds(300));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      assertThat(count(OAUTH_TOKEN, 1), is(1L));
      // Within the last 30 s of expires_in: renewed ahead of expiry.
      time.advance(Duration.ofSeconds(275));
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    }
    assertThat(count(OAUTH_TOKEN, 2), is(2L));
    assertThat(statuses(LIST_CUSTOMERS, 3), equalTo(List.of(200, 200, 200)));
  }

  @Test
  void threadsNeedingATokenAtOnceCauseOneTokenRequest() throws Exception {
    int threads = 16;
    try (FormalooClient client =
        client(configFor(emulator).maxConnections(threads).build(), time)) {
      runTogether(threads, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
    }
    assertThat(count(SERVICE_TOKEN, 1), is(1L));
    assertThat(statuses(LIST_CUSTOMERS, threads), everyItem(is(200)));
  }

  @Test
  void threadsRejectedTogetherRenewTheTokenOnce() throws Exception {
    int threads = 16;
    try (FormalooClient client =
        client(configFor(emulator).maxConnections(threads).build(), time)) {
      client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
      emulator.expireAllTokens();
      runTogether(threads, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
    }
    assertThat(count(SERVICE_TOKEN, 2), is(2L));
  }

  @Test
  void badApiKeyIsAConfigurationErrorAfterOneRenewal() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .credentials(FormalooCredentials.of("wrong-key", emulator.apiSecret()))
            .build();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.status(), is(401));
      assertThat(e.getMessage(), containsString("the API key or secret was rejected by " + host()));
    }
    // The first 401 might have been an expired token: renewed once, then given up.
    assertThat(statuses(LIST_CUSTOMERS, 2), equalTo(List.of(401, 401)));
    assertThat(count(SERVICE_TOKEN, 2), is(2L));
  }

  @Test
  void badSecretIsAConfigurationErrorWithoutRetries() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .credentials(FormalooCredentials.of(emulator.apiKey(), "wrong-secret"))
            .build();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.getMessage(), containsString("the API key or secret was rejected by " + host()));
    }
    assertThat(count(SERVICE_TOKEN, 1), is(1L));
    assertThat(emulator.endpointCount(LIST_CUSTOMERS), is(0L));
  }

  @Test
  void badSecretInTheOAuth2FlowIsAConfigurationError() throws Exception {
    FormalooConfig config =
        configFor(emulator)
            .authFlow(AuthFlow.OAUTH2_CLIENT_CREDENTIALS)
            .credentials(FormalooCredentials.of(emulator.apiKey(), "wrong-secret"))
            .build();
    try (FormalooClient client = client(config, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.getMessage(), containsString("the API key or secret was rejected by " + host()));
    }
  }

  private String host() {
    return "127.0.0.1:" + emulator.port();
  }

  private List<Integer> statuses(String endpoint, int expected) {
    return EmulatorLog.statuses(emulator, endpoint, expected);
  }

  private long count(String endpoint, int expected) {
    return EmulatorLog.count(emulator, endpoint, expected);
  }

  private String tokenFromOAuthEndpoint() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (emulator.apiKey() + ":" + emulator.apiSecret()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/oauth/authorize"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return ClientJson.MAPPER.readTree(answer.body()).path("access_token").asText();
  }

  /** Runs {@code call} on {@code threads} threads released at the same instant. */
  private static void runTogether(int threads, Callable<?> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      for (Future<?> f : results) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
