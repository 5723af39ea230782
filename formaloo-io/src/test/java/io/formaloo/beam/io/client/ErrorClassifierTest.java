package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The taxonomy, for the answers the emulator does not give (408, 409, redirects, DNS, TLS). */
class ErrorClassifierTest {
  private final ErrorClassifier classifier =
      new ErrorClassifier("active_business", "acme", "api.example.com");

  private static HttpCall call(String method, HttpCall.Purpose purpose) {
    return new HttpCall(
        method, "https://api.example.com/v1.0/x/?q=1", "/v1.0/x/", purpose, null, null, Map.of());
  }

  private static HttpAnswer answer(int status, String body) {
    return new HttpAnswer(status, body.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private ErrorKind refused(String method, HttpCall.Purpose purpose, int status) {
    return classifier
        .refused(call(method, purpose), status, answer(status, "{}"), 1, Authenticator.NONE)
        .kind();
  }

  @Test
  void clientErrorsOnWritesAreRecordErrors() {
    assertThat(refused("POST", HttpCall.Purpose.WRITE, 400), is(ErrorKind.RECORD));
    assertThat(refused("POST", HttpCall.Purpose.WRITE, 409), is(ErrorKind.RECORD));
    assertThat(refused("PATCH", HttpCall.Purpose.WRITE, 404), is(ErrorKind.RECORD));
  }

  @Test
  void clientErrorsOnReadsOfListsAreConfigurationErrors() {
    assertThat(refused("GET", HttpCall.Purpose.LIST, 404), is(ErrorKind.CONFIGURATION));
    assertThat(refused("GET", HttpCall.Purpose.LIST, 400), is(ErrorKind.CONFIGURATION));
    assertThat(refused("GET", HttpCall.Purpose.READ, 404), is(ErrorKind.RECORD));
    assertThat(refused("POST", HttpCall.Purpose.WRITE, 405), is(ErrorKind.CONFIGURATION));
    assertThat(refused("GET", HttpCall.Purpose.READ, 403), is(ErrorKind.CONFIGURATION));
  }

  @Test
  void anyClientErrorOfATokenRequestIsAConfigurationError() {
    assertThat(refused("POST", HttpCall.Purpose.TOKEN, 400), is(ErrorKind.CONFIGURATION));
  }

  @Test
  void redirectIsAConfigurationErrorNamingOnlyTheHost() {
    HttpAnswer moved =
        new HttpAnswer(301, new byte[0], null, "https://elsewhere.example/v1.0/x/?token=abc");
    FormalooException e =
        classifier.refused(call("GET", HttpCall.Purpose.LIST), 301, moved, 1, Authenticator.NONE);
    assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(e.getMessage(), containsString("redirected to elsewhere.example"));
    assertThat(e.getMessage().contains("token=abc"), is(false));
  }

  @Test
  void exhaustedRetriesAreClassifiedByTheirLastAnswer() {
    HttpCall get = call("GET", HttpCall.Purpose.LIST);
    assertThat(
        classifier.exhausted(get, 429, answer(429, "{}"), 6, Authenticator.NONE).kind(),
        is(ErrorKind.QUOTA));
    assertThat(
        classifier.exhausted(get, 408, answer(408, "{}"), 6, Authenticator.NONE).kind(),
        is(ErrorKind.TIMEOUT));
    assertThat(
        classifier.exhausted(get, 504, answer(504, "{}"), 6, Authenticator.NONE).kind(),
        is(ErrorKind.TIMEOUT));
    assertThat(
        classifier.exhausted(get, 503, answer(503, "{}"), 6, Authenticator.NONE).kind(),
        is(ErrorKind.REMOTE));
  }

  @Test
  void connectionFailuresAreClassifiedByTheirCause() {
    HttpCall get = call("GET", HttpCall.Purpose.LIST);
    assertThat(
        classifier
            .failed(get, new SocketTimeoutException("Read timed out"), 3, Authenticator.NONE)
            .kind(),
        is(ErrorKind.TIMEOUT));
    assertThat(
        classifier.failed(get, new IOException("Connection reset"), 3, Authenticator.NONE).kind(),
        is(ErrorKind.REMOTE));
    assertThat(
        classifier
            .failed(get, new UnknownHostException("api.example.com"), 3, Authenticator.NONE)
            .kind(),
        is(ErrorKind.CONFIGURATION));
    assertThat(
        classifier.failed(get, new SSLHandshakeException("bad cert"), 1, Authenticator.NONE).kind(),
        is(ErrorKind.CONFIGURATION));
    assertThat(ErrorClassifier.isRetryable(new SSLHandshakeException("bad cert")), is(false));
    assertThat(ErrorClassifier.isRetryable(new UnknownHostException("x")), is(true));
  }

  @Test
  void exceptionShowsThePathButNeverTheQuery() {
    FormalooException e =
        classifier.refused(
            call("GET", HttpCall.Purpose.LIST),
            403,
            answer(403, "{\"detail\": \"No.\"}"),
            1,
            Authenticator.NONE);
    assertThat(e.path(), is("/v1.0/x/"));
    assertThat(
        e.getMessage(),
        is(
            "GET /v1.0/x/ answered 403: the credentials may not do this at api.example.com; No. (1 attempt)"));
  }
}
