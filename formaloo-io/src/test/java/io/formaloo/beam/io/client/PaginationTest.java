package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private FormalooEmulator emulator;
  private FormalooClient client;
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(25).seedActivities(40).seed(42L).build());
    client = client(configFor(emulator).build(), time);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    emulator.close();
  }

  @Test
  void firstPageCarriesItsRecordsCountSizesAndNextLink() {
    Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    assertThat(page.getRecords(), hasSize(10));
    assertThat(page.getCount(), is(25L));
    assertThat(page.getPageSize(), is(10));
    assertThat(page.getPageCount(), is(3));
    assertThat(page.getCurrentPage(), is(1));
    assertThat(page.getNext(), startsWith(emulator.baseUrl() + "/customers/"));
  }

  @Test
  void askedPageSizeIsSentAndTheAnsweredOneReported() {
    Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 2, 5);
    assertThat(page.getRecords(), hasSize(5));
    assertThat(page.getPageSize(), is(5));
    assertThat(page.getPageCount(), is(5));
    assertThat(page.getCurrentPage(), is(2));
  }

  @Test
  void lastPageHasTheRestAndNoNextLink() {
    Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 3);
    assertThat(page.getRecords(), hasSize(5));
    assertThat(page.getNext(), is(nullValue()));
  }

  @Test
  void pagePastTheEndIsAnEmptyLastPageNotAnError() {
    Page<Customer> page = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 4);
    assertThat(page.getRecords(), is(empty()));
    assertThat(page.getNext(), is(nullValue()));
    assertThat(page.getCurrentPage(), is(4));
    assertThat(EmulatorLog.statuses(emulator, "GET /customers/", 1), equalTo(List.of(404)));
  }

  @Test
  void pagesTogetherHoldEveryRecordOnce() {
    Set<String> codes = new HashSet<>();
    for (int p = 1; p <= 3; p++) {
      client
          .listPage(ListEndpoint.CUSTOMERS, Map.of(), p)
          .getRecords()
          .forEach(c -> codes.add(c.getCode()));
    }
    assertThat(codes, equalTo(new HashSet<>(emulator.customerCodes())));
  }

  @Test
  void nextLinkOnTheSameHostIsFollowed() {
    Page<Customer> first = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    Page<Customer> second = client.nextPage(ListEndpoint.CUSTOMERS, first.getNext());
    assertThat(second.getCurrentPage(), is(2));
    assertThat(second.getRecords(), hasSize(10));
    assertThat(second.getRecords(), not(equalTo(first.getRecords())));
  }

  @Test
  void nextLinkToAnotherHostIsRefusedWithoutSendingAnything() {
    client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1);
    long before = EmulatorLog.count(emulator, "GET /customers/", 1);
    FormalooException e =
        assertThrows(
            FormalooException.class,
            () ->
                client.nextPage(
                    ListEndpoint.CUSTOMERS, "https://elsewhere.example/v1.0/customers/?page=2"));
    assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(e.getMessage(), containsString("sends credentials only to its base URL"));
    assertThat(emulator.requestCount(), is(before + 1));
  }

  @Test
  void filtersAndTheBusinessAreSentAsQueryParameters() {
    client.listPage(ListEndpoint.CUSTOMERS, Map.of("search", "ali ce"), 1);
    RequestLogEntry get = EmulatorLog.entries(emulator, "GET /customers/", 1).get(0);
    assertThat(get.path(), containsString("search=ali+ce"));
    assertThat(get.path(), containsString("active_business=" + emulator.business()));
    assertThat(get.path(), containsString("page=1"));
  }

  @Test
  void everyListEndpointAnswersAPage() {
    for (ListEndpoint<?> endpoint : ListEndpoint.all()) {
      Page<?> page = client.listPage(endpoint, Map.of(), 1);
      assertThat(endpoint.toString(), page.getCount(), is(notNullValue()));
      assertThat(endpoint.toString(), page.getRecords(), not(empty()));
      assertThat(endpoint.toString(), page.getListKey(), is(endpoint.listKey()));
    }
  }

  @Test
  void pagesAreAlsoAvailableAsJsonTrees() {
    Page<JsonNode> page = client.listPageJson(ListEndpoint.ACTIVITIES, Map.of(), 1, 7);
    assertThat(page.getRecords(), hasSize(7));
    assertThat(page.getCount(), is(40L));
    assertThat(page.getRecords().get(0).path("slug").isTextual(), is(true));
  }

  @Test
  void listAtAPathTheServerDoesNotKnowIsAConfigurationError() throws Exception {
    FormalooConfig wrongBase =
        configFor(emulator).baseUrl(emulator.baseUrl().replace("/v1.0", "/v9")).build();
    try (FormalooClient wrong = client(wrongBase, time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> wrong.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.status(), is(404));
    }
  }

  @Test
  void unknownBusinessIsAConfigurationErrorNamingIt() throws Exception {
    try (FormalooClient wrong =
        client(configFor(emulator).business("no-such-business").build(), time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> wrong.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1));
      assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
      assertThat(e.status(), is(400));
      assertThat(
          e.getMessage(),
          containsString("'no-such-business' (query parameter active_business) is unknown"));
      assertThat(e.fieldErrors().keySet(), equalTo(Set.of("active_business")));
    }
  }

  @Test
  void businessParameterNameIsConfigurable() throws Exception {
    emulator.close();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().businessParameter("active_workspace").build());
    try (FormalooClient other =
        client(
            configFor(emulator).businessParameter("active_workspace").business("elsewhere").build(),
            time)) {
      FormalooException e =
          assertThrows(
              FormalooException.class, () -> other.listPage(ListEndpoint.TAGS, Map.of(), 1));
      assertThat(e.getMessage(), containsString("query parameter active_workspace"));
    }
    List<String> paths =
        EmulatorLog.entries(emulator, "GET /tags/", 1).stream()
            .map(RequestLogEntry::path)
            .collect(Collectors.toList());
    assertThat(paths.get(0), containsString("active_workspace=elsewhere"));
  }
}
