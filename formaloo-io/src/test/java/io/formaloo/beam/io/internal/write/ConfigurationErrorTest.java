package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.AuthFlow;
import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.RetryPolicy;
import io.formaloo.beam.io.model.Customer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration no request can succeed with fails the pipeline, reads and writes alike, instead
 * of failing every record: at once (the emulator's request log shows no retries), with a message
 * that names the problem and holds no secret. The retry policy is the default one, whose backoff
 * would show as a storm of requests if such a failure were retried.
 */
class ConfigurationErrorTest {
  private static final String WRONG_KEY = "a-wrong-api-key";
  private static final String WRONG_SECRET = "a-wrong-secret";

  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private FormalooConfig.Builder config() {
    return Emulated.configFor(emulator).retryPolicy(RetryPolicy.defaults());
  }

  private FormalooException writeFailure(FormalooConfig config, FormalooIO.Write<Customer> write) {
    Pipeline p = Emulated.pipeline();
    Fixtures.create(p, Fixtures.customers(0, 20)).apply(write.withConfig(config));
    FormalooException cause = failureOf(p);
    assertThat(emulator.customerCount(), is(0));
    return cause;
  }

  private FormalooException readFailure(FormalooConfig config) {
    Pipeline p = Emulated.pipeline();
    p.apply(FormalooIO.readCustomers().withConfig(config));
    return failureOf(p);
  }

  private static FormalooException failureOf(Pipeline p) {
    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    FormalooException cause = null;
    for (Throwable t = e; t != null && cause == null; t = t.getCause()) {
      cause = t instanceof FormalooException ? (FormalooException) t : null;
    }
    assertThat(String.valueOf(e), cause, notNullValue());
    assertThat(cause.kind(), is(ErrorKind.CONFIGURATION));
    return cause;
  }

  /** Both a read and a write (one by one) with {@code config} fail so; each is checked by both. */
  private void readsAndWritesFail(FormalooConfig config, Consumer<FormalooException> check) {
    FormalooException read = readFailure(config);
    check.accept(read);
    FormalooException write = writeFailure(config, FormalooIO.writeCustomers().withoutBulkImport());
    check.accept(write);
  }

  private void holdsNoSecret(FormalooException e, String... secrets) {
    for (String secret : List.of(emulator.apiKey(), emulator.apiSecret())) {
      assertThat(e.getMessage(), not(containsString(secret)));
    }
    for (String secret : secrets) {
      assertThat(e.getMessage(), not(containsString(secret)));
    }
  }

  @Test
  void anUnknownBusinessFailsReadsAndWritesAfterOneRequestEach() {
    readsAndWritesFail(
        config().business("no-such-business").build(),
        e -> {
          assertThat(e.status(), is(400));
          assertThat(e.attempts(), is(1));
          assertThat(e.getMessage(), containsString("the business 'no-such-business'"));
          holdsNoSecret(e);
        });
    // A token, then the one refused read; the same for each client that writes.
    assertThat(emulator.statusCounts().get(400), lessThanOrEqualTo(5L));
    assertThat(emulator.requestCount(), lessThanOrEqualTo(10L));
  }

  @Test
  void anUnknownBusinessFailsABulkImportToo() {
    FormalooException e =
        writeFailure(
            config().business("no-such-business").build(),
            FormalooIO.writeCustomers().withBulkImport());
    assertThat(e.getMessage(), containsString("no-such-business"));
    assertThat(emulator.batchJobCount(), is(0));
  }

  @Test
  void aWrongSecretFailsReadsAndWritesAtTheTokenRequest() {
    readsAndWritesFail(
        config().credentials(FormalooCredentials.of(emulator.apiKey(), WRONG_SECRET)).build(),
        e -> {
          assertThat(e.status(), is(401));
          assertThat(e.attempts(), is(1));
          assertThat(e.getMessage(), containsString("the API key or secret was rejected"));
          holdsNoSecret(e, WRONG_SECRET);
        });
    // Only token requests, one per client: nothing else was sent, nothing retried.
    assertThat(emulator.requestCount(), is(emulator.statusCounts().get(401)));
    assertThat(emulator.requestCount(), lessThanOrEqualTo(5L));
  }

  @Test
  void aWrongKeyFailsReadsAndWritesAfterOneTokenRenewal() {
    readsAndWritesFail(
        config().credentials(FormalooCredentials.of(WRONG_KEY, emulator.apiSecret())).build(),
        e -> {
          assertThat(e.status(), is(401));
          assertThat(e.getMessage(), containsString("the API key or secret was rejected"));
          holdsNoSecret(e, WRONG_KEY);
        });
    // Per client: a token, a 401, a renewed token, a 401: the renewal is the only repeat.
    assertThat(emulator.requestCount(), lessThanOrEqualTo(20L));
    assertThat(emulator.statusCounts().getOrDefault(500, 0L), is(0L));
  }

  @Test
  void anExpiredStaticTokenFailsReadsAndWritesAtTheFirstRequest() throws Exception {
    String token = liveToken();
    emulator.expireAllTokens();
    emulator.resetRequestLog();
    readsAndWritesFail(
        config()
            .authFlow(AuthFlow.STATIC_TOKEN)
            .credentials(FormalooCredentials.accessToken(emulator.apiKey(), token))
            .build(),
        e -> {
          assertThat(e.status(), is(401));
          assertThat(e.attempts(), is(1));
          assertThat(e.getMessage(), containsString("access token was rejected"));
          holdsNoSecret(e, token);
        });
    // A static token cannot be renewed: one refused request per client, no token requests.
    assertThat(emulator.requestCount(), is(emulator.statusCounts().get(401)));
    assertThat(emulator.requestCount(), lessThanOrEqualTo(5L));
  }

  @Test
  void anUnreachableHostFailsReadsAndWritesAtTheFirstConnectionWithoutRetrying() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    readsAndWritesFail(
        config().baseUrl("http://127.0.0.1:" + closedPort + "/v1.0").build(),
        e -> {
          assertThat(e.attempts(), is(1));
          assertThat(
              e.getMessage(), containsString("connection to 127.0.0.1:" + closedPort + " refused"));
          assertThat(e.getMessage(), containsString("check baseUrl"));
          holdsNoSecret(e);
        });
    assertThat(emulator.requestCount(), is(0L));
  }

  @Test
  void plainHttpToAHostThatIsNotLoopbackIsRefusedBeforeAnyRequest() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> config().baseUrl("http://api.formaloo.com/v1.0").build());
    assertThat(e.getMessage(), startsWith("baseUrl"));
    assertThat(e.getMessage(), containsString("https"));
    assertThat(e.getMessage(), not(containsString(emulator.apiSecret())));
    assertThat(emulator.requestCount(), is(0L));
  }

  /** A token the emulator issued, as a user of the static-token flow would have obtained it. */
  private String liveToken() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/oauth2/authorization-token/"))
                    .header("Authorization", "Basic " + emulator.apiSecret())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body(), answer.statusCode(), is(201));
    return io.formaloo.beam.io.model.ModelJson.newObjectMapper()
        .readTree(answer.body())
        .get("authorization_token")
        .asText();
  }
}
