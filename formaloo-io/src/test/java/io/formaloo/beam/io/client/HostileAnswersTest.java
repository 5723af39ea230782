package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.HostileAnswer;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Answers a broken or hostile server gives: each ends in a clear {@link FormalooException} that
 * names the problem and holds no secret, or is tolerated; none hangs, none keeps a connection (the
 * client has a pool of one, so a connection not given back would hang the next call), and no
 * credential reaches another host.
 */
class HostileAnswersTest {
  /** Short, for the answer that stalls; long enough for a loaded build machine's answers. */
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);

  private static final Duration NO_HANG = Duration.ofSeconds(20);

  private FormalooEmulator emulator;

  /** Another host: 127.0.0.2 is loopback too, but not the base URL's host. */
  private FormalooEmulator foreign;

  private FormalooClient client;
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(25).build());
    foreign =
        FormalooEmulator.start(
            EmulatorConfig.builder().host("127.0.0.2").seedCustomers(25).build());
    client = clientWithReadTimeout(Duration.ofSeconds(20));
  }

  /** A client with a pool of one connection, three attempts a call and the given read timeout. */
  private FormalooClient clientWithReadTimeout(Duration readTimeout) {
    return client(
        configFor(emulator)
            .readTimeout(readTimeout)
            .maxConnections(1)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(10))
                    .maxBackoff(Duration.ofMillis(100))
                    .build())
            .build(),
        time);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    foreign.close();
    emulator.close();
  }

  @Test
  void truncatedJsonIsARemoteErrorSayingTheAnswerCouldNotBeRead() {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.TRUNCATED_JSON).build());

    FormalooException typed = failure(() -> client.listCustomers(1));
    assertThat(typed.kind(), is(ErrorKind.REMOTE));
    assertThat(typed.status(), is(200));
    assertThat(
        typed.getMessage(),
        startsWith("GET /v1.0/customers/ answered 200: the answer could not be read"));
    assertThat(typed.getMessage(), containsString("end-of-input"));

    FormalooException json =
        failure(() -> client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 1, null));
    assertThat(json.kind(), is(ErrorKind.REMOTE));
    assertThat(json.getMessage(), containsString("the answer could not be read"));

    String code = emulator.customerCodes().get(0);
    assertThat(failure(() -> client.getCustomer(code)).kind(), is(ErrorKind.REMOTE));
    assertConnectionsReturned();
  }

  @Test
  void htmlErrorPageIsRetriedThenARemoteErrorNamingThePageByItsTitle() {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.HTML_ERROR_PAGE).build());

    FormalooException e = failure(() -> client.listCustomers(1));
    assertThat(e.kind(), is(ErrorKind.REMOTE));
    assertThat(e.status(), is(502));
    assertThat(e.attempts(), is(3));
    assertThat(e.detail(), is("an HTML page: 502 Bad Gateway"));
    assertThat(
        e.getMessage(),
        is(
            "GET /v1.0/customers/ answered 502: gave up retrying; an HTML page: 502 Bad Gateway"
                + " (3 attempts)"));
    assertConnectionsReturned();
  }

  @Test
  void okAnswerWhoseBodyIsNotJsonIsARemoteError() {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.NOT_JSON).build());

    FormalooException e = failure(() -> client.listCustomers(1));
    assertThat(e.kind(), is(ErrorKind.REMOTE));
    assertThat(e.status(), is(200));
    assertThat(e.getMessage(), containsString("the answer could not be read"));
    assertThat(
        failure(() -> client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 1, null)).kind(),
        is(ErrorKind.REMOTE));
    assertConnectionsReturned();
  }

  @Test
  void jsonUnderTheWrongContentTypeIsReadAsJson() {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.WRONG_CONTENT_TYPE).build());

    Page<Customer> page = client.listCustomers(1);
    assertThat(page.getRecords(), hasSize(10));
    assertThat(page.getCount(), is(25L));
    assertThat(
        client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 2, null).getRecords(), hasSize(10));
    assertConnectionsReturned();
  }

  @Test
  void pageWithMoreRecordsThanItsPageSizeIsReturnedWhole() {
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.OVERFULL_PAGE).build());

    Page<Customer> page = client.listCustomers(1);
    assertThat(page.getPageSize(), is(10));
    assertThat(page.getRecords(), hasSize(15));
    assertThat(codes(page.getRecords()), is(emulator.customerCodes().subList(0, 15)));
    assertConnectionsReturned();
  }

  @Test
  void negativeCountIsARemoteErrorNamingIt() {
    emulator.setFaults(Faults.builder().wrongCount(-5).build());

    FormalooException typed = failure(() -> client.listCustomers(1));
    assertThat(typed.kind(), is(ErrorKind.REMOTE));
    assertThat(
        typed.getMessage(),
        is(
            "GET /v1.0/customers/ answered 200: the answer is not a valid page: count is -5"
                + " (1 attempt)"));

    FormalooException json =
        failure(() -> client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 1, null));
    assertThat(json.kind(), is(ErrorKind.REMOTE));
    assertThat(json.getMessage(), containsString("the answer is not a valid page: count is -5"));
    assertConnectionsReturned();
  }

  @Test
  void countOfMorePagesThanPageNumbersReachIsARemoteError() {
    // 10^12 records at 10 a page: a page_count of 10^11, beyond any page number (a 32-bit int).
    emulator.setFaults(Faults.builder().wrongCount(1_000_000_000_000L).build());

    FormalooException typed = failure(() -> client.listCustomers(1));
    assertThat(typed.kind(), is(ErrorKind.REMOTE));
    assertThat(typed.getMessage(), containsString("'page_count' is out of the range"));

    FormalooException json =
        failure(() -> client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 1, null));
    assertThat(json.kind(), is(ErrorKind.REMOTE));
    assertThat(json.getMessage(), containsString("'page_count' is out of the range"));
    assertConnectionsReturned();
  }

  @Test
  void implausibleButAddressableCountIsReportedAsAnsweredForTheReadToJudge() {
    emulator.setFaults(Faults.builder().wrongCount(1_000_000_000L).build());

    Page<Customer> page = client.listCustomers(1);
    assertThat(page.getCount(), is(1_000_000_000L));
    assertThat(page.getPageCount(), is(100_000_000));
    assertThat(page.getRecords(), hasSize(10));
    // The pages hold what the list holds: past its real end, the normal empty last page.
    assertThat(client.listCustomers(4).getRecords(), is(empty()));
  }

  @Test
  void nextLinkToAnotherHostIsRefusedWithoutSendingAnythingThere() {
    emulator.setFaults(Faults.builder().foreignNext(foreign.baseUrl()).build());

    Page<Customer> page = client.listCustomers(1);
    assertThat(page.getNext(), startsWith(foreign.baseUrl() + "/customers/"));
    FormalooException e = failure(() -> client.nextPage(ListEndpoint.CUSTOMERS, page.getNext()));
    assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(e.attempts(), is(0));
    assertThat(
        e.getMessage(),
        is(
            "GET /v1.0/customers/ got no answer: the next link leads to "
                + hostOf(foreign)
                + ", away from "
                + hostOf(emulator)
                + "; the client sends credentials only to its base URL (0 attempts)"));
    assertThat(foreign.requestLog(), is(empty()));
    assertNoCredentialsReached(foreign);
    assertConnectionsReturned();
  }

  @Test
  void redirectToAnotherHostIsAConfigurationErrorNamingItAndIsNotFollowed() {
    emulator.setFaults(Faults.builder().foreignRedirect(foreign.baseUrl()).build());

    FormalooException list = failure(() -> client.listCustomers(1));
    assertThat(list.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(list.status(), is(302));
    assertThat(list.attempts(), is(1));
    assertThat(
        list.getMessage(),
        is(
            "GET /v1.0/customers/ answered 302: redirected to 127.0.0.2; the client follows no"
                + " redirects, check baseUrl (1 attempt)"));

    String code = emulator.customerCodes().get(0);
    FormalooException one = failure(() -> client.getCustomer(code));
    assertThat(one.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(one.getMessage(), containsString("redirected to 127.0.0.2"));

    // The redirects were answered, and nothing followed them.
    assertThat(emulator.statusCounts().get(302), is(2L));
    assertThat(foreign.requestLog(), is(empty()));
    assertNoCredentialsReached(foreign);
    assertConnectionsReturned();
  }

  @Test
  void answerThatStallsMidBodyIsATimeoutAfterTheReadTimeout() throws Exception {
    client.close();
    client = clientWithReadTimeout(SHORT_READ_TIMEOUT);
    emulator.setFaults(Faults.builder().hostileAnswer(HostileAnswer.STALL_MID_BODY).build());

    long started = System.nanoTime();
    FormalooException e = failure(() -> client.listCustomers(1));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(e.kind(), is(ErrorKind.TIMEOUT));
    assertThat(e.status(), is(0));
    assertThat(e.attempts(), is(3));
    assertThat(
        e.getMessage(),
        is(
            "GET /v1.0/customers/ got no answer: timed out talking to "
                + hostOf(emulator)
                + " (3 attempts)"));
    // Three read timeouts and two short backoffs (virtual), not the minute the server stalls.
    assertThat(took, lessThan(Duration.ofSeconds(15)));
    // Each stalled answer was a request of its own: none was left waiting on the client's side.
    assertThat(stalled(emulator), is(3L));
    assertConnectionsReturned();
  }

  /** Runs a call that must fail, and checks that what it threw holds no secret. */
  private FormalooException failure(Executable call) {
    FormalooException e =
        assertTimeoutPreemptively(NO_HANG, () -> assertThrows(FormalooException.class, call));
    for (String secret : List.of(emulator.apiKey(), emulator.apiSecret())) {
      assertThat(e.getMessage(), not(containsString(secret)));
    }
    return e;
  }

  /**
   * With the faults off, the one pooled connection serves a healthy call at once: every connection
   * the hostile answers used was given back (or closed).
   */
  private void assertConnectionsReturned() {
    emulator.setFaults(Faults.none());
    Page<Customer> page = assertTimeoutPreemptively(NO_HANG, () -> client.listCustomers(1));
    assertThat(page.getRecords(), hasSize(10));
  }

  private static void assertNoCredentialsReached(FormalooEmulator host) {
    for (RequestLogEntry entry : host.requestLog()) {
      assertThat(entry + " carried credentials", entry.carriedCredentials(), is(false));
    }
  }

  private static long stalled(FormalooEmulator host) {
    return host.requestLog().stream().filter(RequestLogEntry::dropped).count();
  }

  private static String hostOf(FormalooEmulator host) {
    return BaseUrl.hostOf(host.baseUrl());
  }

  private static List<String> codes(List<Customer> customers) {
    return customers.stream().map(Customer::getCode).collect(Collectors.toList());
  }
}
