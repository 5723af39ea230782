package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hostile answers: what each sends, to which requests, and how they are set. */
class HostileAnswersTest {
  private static final String FOREIGN = "http://127.0.0.2:4567/v1.0";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private FormalooEmulator emulator;
  private ApiClient api;
  private String token;

  @BeforeEach
  void start() throws Exception {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(30).build());
    api = ApiClient.authenticated(emulator);
    token = new ApiClient(emulator).serviceToken().body.get("authorization_token").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void truncatedJsonIsTheFirstHalfOfTheBodyWithAMatchingLength() throws Exception {
    String whole = get("/customers/").body();
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.TRUNCATED_JSON).build());
    HttpResponse<String> answer = get("/customers/");
    assertThat(answer.statusCode(), is(200));
    assertThat(answer.headers().firstValue("Content-Type").orElse(""), is("application/json"));
    assertThat(answer.body().length(), is(whole.length() / 2));
    assertThat(whole, startsWith(answer.body()));
    assertThrows(JsonProcessingException.class, () -> ApiClient.JSON.readTree(answer.body()));
  }

  @Test
  void htmlErrorPageIsA502InHtml() throws Exception {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.HTML_ERROR_PAGE).build());
    HttpResponse<String> answer = get("/customers/");
    assertThat(answer.statusCode(), is(502));
    assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith("text/html"));
    assertThat(answer.body(), containsString("<title>502 Bad Gateway</title>"));
    assertThat(lastLogged().status(), is(502));
  }

  @Test
  void notJsonIsA200LabelledJsonWhoseBodyIsText() throws Exception {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.NOT_JSON).build());
    HttpResponse<String> answer = get("/customers/");
    assertThat(answer.statusCode(), is(200));
    assertThat(answer.headers().firstValue("Content-Type").orElse(""), is("application/json"));
    assertThrows(JsonProcessingException.class, () -> ApiClient.JSON.readTree(answer.body()));
  }

  @Test
  void wrongContentTypeLabelsTheRightJsonAsHtml() throws Exception {
    String whole = get("/customers/").body();
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.WRONG_CONTENT_TYPE).build());
    HttpResponse<String> answer = get("/customers/");
    assertThat(answer.statusCode(), is(200));
    assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith("text/html"));
    assertThat(answer.body(), is(whole));
  }

  @Test
  void overfullPageRepeatsTheNextPagesFirstRecordsAtItsEnd() throws Exception {
    List<String> codes = emulator.customerCodes();
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.OVERFULL_PAGE).build());
    JsonNode page = api.get("/customers/?page=2").body;
    assertThat(page.get("page_size").asInt(), is(10));
    JsonNode records = page.get("customers");
    assertThat(records.size(), is(15));
    assertThat(records.get(0).get("code").asText(), is(codes.get(10)));
    assertThat(records.get(14).get("code").asText(), is(codes.get(24)));
    // The last page holds what is left, no more.
    assertThat(api.get("/customers/?page=3").body.get("customers").size(), is(10));
  }

  @Test
  void wrongCountAnswersTheGivenCountAndThePageCountItMakes() throws Exception {
    emulator.setFaults(Faults.builder().wrongCount(1_000_000_000_000L).build());
    JsonNode page = api.get("/customers/").body;
    assertThat(page.get("count").asLong(), is(1_000_000_000_000L));
    assertThat(page.get("page_count").asLong(), is(100_000_000_000L));
    assertThat(page.get("customers").size(), is(10));
    // The pages hold what the list really holds: page 4 is past its end.
    assertThat(api.get("/customers/?page=4").status, is(404));
  }

  @Test
  void wrongCountCanBeNegative() throws Exception {
    emulator.setFaults(Faults.builder().wrongCount(-5).build());
    JsonNode page = api.get("/customers/").body;
    assertThat(page.get("count").asLong(), is(-5L));
    assertThat(page.get("page_count").asInt(), is(3));
  }

  @Test
  void foreignNextLinksThePageAfterOnTheOtherHost() throws Exception {
    emulator.setFaults(Faults.builder().foreignNext(FOREIGN).build());
    JsonNode page = api.get("/customers/?page=2").body;
    assertThat(page.get("next").asText(), startsWith(FOREIGN + "/customers/?page=3"));
    assertThat(page.get("previous").asText(), startsWith(emulator.baseUrl()));
  }

  @Test
  void foreignRedirectIsA302ToTheSamePathOnTheOtherHost() throws Exception {
    emulator.setFaults(Faults.builder().foreignRedirect(FOREIGN + "/").build());
    HttpResponse<String> answer = get("/customers/?page=2");
    assertThat(answer.statusCode(), is(302));
    assertThat(
        answer.headers().firstValue("Location").orElse(""), is(FOREIGN + "/customers/?page=2"));
    assertThat(answer.body(), is(""));
    assertThat(lastLogged().status(), is(302));
  }

  @Test
  void stalledAnswerSendsHalfItsBodyThenHoldsUntilTheFaultsChange() throws Exception {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.STALL_MID_BODY).build());
    URI base = URI.create(emulator.baseUrl());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /v1.0/customers/ HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nx-api-key: "
                  + emulator.apiKey()
                  + "\r\nAuthorization: JWT "
                  + token
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(500);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      // Headers and half the body come, then nothing: the read times out.
      assertThrows(
          SocketTimeoutException.class,
          () -> {
            for (int n; (n = in.read(buffer)) >= 0; ) {
              received.write(buffer, 0, n);
            }
          });
      String head = received.toString(StandardCharsets.UTF_8);
      assertThat(head, startsWith("HTTP/1.1 200"));
      int length = contentLength(head);
      int bodyReceived = head.length() - head.indexOf("\r\n\r\n") - 4;
      assertThat(bodyReceived, greaterThan(0));
      assertThat(bodyReceived, lessThan(length));

      // Changing the faults releases the stalled answer: the server drops the connection.
      emulator.setFaults(Faults.none());
      socket.setSoTimeout(10_000);
      assertThat(endOfStream(in), is(true));
    }
    assertThat(lastLogged().dropped(), is(true));
  }

  @Test
  void hostileAnswersLeaveTokenRequestsWritesAndErrorsAlone() throws Exception {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.NOT_JSON).build());
    assertThat(new ApiClient(emulator).serviceToken().status, is(201));
    assertThat(api.post("/customers/", "{\"email\":\"h@example.com\"}").status, is(201));
    assertThat(api.get("/customers/?page=99").status, is(404));
  }

  @Test
  void theLogNamesTheCredentialHeadersARequestCarriedButNotTheirValues() throws Exception {
    emulator.resetRequestLog();
    api.get("/customers/");
    assertThat(lastLogged().credentials(), contains("authorization", "x-api-key"));
    assertThat(lastLogged().toString(), containsString("with authorization, x-api-key"));
    assertThat(lastLogged().toString().contains(token), is(false));
    new ApiClient(emulator).withoutKey().get("/customers/");
    assertThat(lastLogged().credentials(), is(empty()));
    assertThat(lastLogged().carriedCredentials(), is(false));

    JsonNode logged = api.raw("GET", "/__emulator/requests?limit=2", null).body;
    assertThat(
        logged.get(0).get("credentials").toString(), is("[\"authorization\",\"x-api-key\"]"));
    assertThat(logged.get(1).get("credentials").size(), is(0));
  }

  @Test
  void hostileAnswersAreSetThroughTheAdminPath() throws Exception {
    JsonNode set =
        api.raw(
                "POST",
                "/__emulator/faults",
                "{\"hostile_answer\": \"foreign_redirect\", \"foreign_base_url\": \""
                    + FOREIGN
                    + "\"}")
            .body;
    assertThat(set.get("hostile_answer").asText(), is("foreign_redirect"));
    assertThat(emulator.faults().hostileAnswer(), is(HostileAnswer.FOREIGN_REDIRECT));
    assertThat(emulator.faults().foreignBaseUrl(), is(FOREIGN));

    api.raw(
        "POST",
        "/__emulator/faults",
        "{\"hostile_answer\": \"wrong_count\", \"hostile_count\": -1}");
    assertThat(emulator.faults().hostileAnswer(), is(HostileAnswer.WRONG_COUNT));
    assertThat(emulator.faults().hostileCount(), is(-1L));
    assertThat(emulator.faults().foreignBaseUrl(), is((String) null));

    api.raw("POST", "/__emulator/faults", "{\"hostile_answer\": \"stall_mid_body\"}");
    assertThat(emulator.faults().hostileAnswer(), is(HostileAnswer.STALL_MID_BODY));
    api.raw("POST", "/__emulator/faults", "{\"hostile_answer\": \"none\"}");
    assertThat(emulator.faults(), is(Faults.none()));
  }

  @Test
  void aHostileAnswerThatNeedsASettingIsRefusedWithoutIt() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> Faults.builder().hostileAnswer(HostileAnswer.WRONG_COUNT));
    assertThrows(
        IllegalArgumentException.class,
        () -> Faults.builder().hostileAnswer(HostileAnswer.FOREIGN_NEXT));
    assertThrows(IllegalArgumentException.class, () -> Faults.builder().foreignNext("127.0.0.2"));
    assertThat(
        api.raw("POST", "/__emulator/faults", "{\"hostile_answer\": \"wrong_count\"}").status,
        is(400));
    assertThat(
        api.raw("POST", "/__emulator/faults", "{\"hostile_answer\": \"foreign_next\"}").status,
        is(400));
    assertThat(emulator.faults(), is(Faults.none()));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("x-api-key", emulator.apiKey())
            .header("Authorization", "JWT " + token)
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private RequestLogEntry lastLogged() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.get(log.size() - 1);
  }

  private static int contentLength(String head) {
    for (String line : head.substring(0, head.indexOf("\r\n\r\n")).split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    throw new AssertionError("no Content-Length in " + head);
  }

  /** Reads until the server closes the connection: true at its end, whether clean or reset. */
  private static boolean endOfStream(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
