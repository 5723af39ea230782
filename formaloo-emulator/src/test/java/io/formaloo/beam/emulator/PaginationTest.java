package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static FormalooEmulator emulator;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(95).seedActivities(30).maxPageSize(50).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void firstPageUsesTheDocumentedDefaultSizeOfTen() throws Exception {
    JsonNode page = api.get("/customers/").body;
    assertThat(page.get("count").asInt(), is(95));
    assertThat(page.get("page_size").asInt(), is(10));
    assertThat(page.get("page_count").asInt(), is(10));
    assertThat(page.get("current_page").asInt(), is(1));
    assertThat(page.get("customers").size(), is(10));
    assertThat(page.get("previous").isNull(), is(true));
  }

  @Test
  void requestedPageSizeIsHonouredUpToTheMaximum() throws Exception {
    assertThat(api.get("/customers/?page_size=20").body.get("customers").size(), is(20));
    JsonNode capped = api.get("/customers/?page_size=1000").body;
    assertThat(capped.get("page_size").asInt(), is(50));
    assertThat(capped.get("page_count").asInt(), is(2));
  }

  @Test
  void unusablePageSizeFallsBackToTheDefault() throws Exception {
    assertThat(api.get("/customers/?page_size=abc").body.get("page_size").asInt(), is(10));
    assertThat(api.get("/customers/?page_size=0").body.get("page_size").asInt(), is(10));
  }

  @Test
  void lastPageHoldsTheRemainderAndHasNoNext() throws Exception {
    JsonNode last = api.get("/customers/?page=10").body;
    assertThat(last.get("customers").size(), is(5));
    assertThat(last.get("next").isNull(), is(true));
  }

  @Test
  void pagePastTheEndIsInvalidPage404() throws Exception {
    ApiClient.Answer answer = api.get("/customers/?page=11");
    assertThat(answer.status, is(404));
    assertThat(answer.body.get("detail").asText(), is("Invalid page."));
  }

  @Test
  void pageThatIsNotAPositiveNumberIsInvalidPage404() throws Exception {
    assertThat(api.get("/customers/?page=0").status, is(404));
    assertThat(api.get("/customers/?page=two").body.get("detail").asText(), is("Invalid page."));
  }

  @Test
  void nextAndPreviousAreAbsoluteLinksThatKeepTheQuery() throws Exception {
    JsonNode page = api.get("/customers/?page=2&page_size=20&search=example").body;
    assertThat(page.get("next").asText(), startsWith(emulator.baseUrl() + "/customers/?"));
    assertThat(page.get("next").asText().contains("page=3"), is(true));
    assertThat(page.get("next").asText().contains("page_size=20"), is(true));
    assertThat(page.get("next").asText().contains("search=example"), is(true));
    assertThat(page.get("previous").asText().contains("page=1"), is(true));
  }

  @Test
  void followingNextVisitsEveryRecordOnce() throws Exception {
    List<JsonNode> all = api.all("/customers/?page_size=7", "customers");
    List<String> codes = all.stream().map(c -> c.get("code").asText()).collect(Collectors.toList());
    assertThat(codes, equalTo(emulator.customerCodes()));
  }

  @Test
  void pageLastIsTheLastPage() throws Exception {
    assertThat(api.get("/customers/?page=last").body.get("current_page").asInt(), is(10));
  }

  @Test
  void emptyListHasOneEmptyPage() throws Exception {
    try (FormalooEmulator empty = FormalooEmulator.start()) {
      JsonNode page = ApiClient.authenticated(empty).get("/customers/").body;
      assertThat(page.get("count").asInt(), is(0));
      assertThat(page.get("page_count").asInt(), is(1));
      assertThat(page.get("customers").size(), is(0));
      assertThat(page.get("next"), is(equalTo(page.get("previous"))));
      assertThat(ApiClient.authenticated(empty).get("/customers/?page=2").status, is(404));
    }
  }

  @Test
  void listsServeNewestFirst() throws Exception {
    String created =
        api.post("/customers/", "{\"email\":\"newest@example.com\"}").body.get("code").asText();
    JsonNode first = api.get("/customers/?page_size=1").body.get("customers");
    assertThat(first.size(), is(1));
    assertThat(first.get(0).get("code").asText(), is(created));
    api.delete("/customers/" + created + "/");
    assertThat(emulator.findCustomerByCode(created), nullValue());
  }

  @Test
  void everyPaginatedListHasTheDocumentedKeys() throws Exception {
    for (String[] list :
        new String[][] {
          {"/customers/", "customers"},
          {"/activities", "activities"},
          {"/action-types/", "action_types"},
          {"/action-type-groups/", "action_type_groups"},
          {"/tags/", "tags"},
          {"/currencies/", "currencies"}
        }) {
      JsonNode page = api.get(list[0]).body;
      List<String> keys = iterableToList(page.fieldNames());
      assertThat(
          list[0],
          keys,
          contains(
              "count", "next", "previous", "page_size", "page_count", "current_page", list[1]));
    }
  }

  private static List<String> iterableToList(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
