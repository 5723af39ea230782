package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActivitiesEndpointTest {
  private static FormalooEmulator emulator;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(40)
                .seedActivities(400)
                .seedDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11))
                .maxPageSize(500)
                .build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static List<JsonNode> list(String query) throws Exception {
    return api.all("/activities?page_size=100" + query, "activities");
  }

  @Test
  void createByActionSlugForANewCustomerCreatesTheCustomer() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/activities",
            "{\"action\":{\"slug\":\"signup\"},\"customer\":{\"email\":\"new.one@example.com\","
                + "\"full_name\":\"New One\"},\"activity_date\":\"2026-03-05T10:00:00Z\","
                + "\"slug\":\"create-1\"}");
    assertThat(answer.status, is(201));
    assertThat(answer.body.get("slug").asText(), is("create-1"));
    assertThat(answer.body.get("operation_type").asText(), is("create"));
    assertThat(answer.body.get("activity_date").asText(), is("2026-03-05T10:00:00Z"));
    assertThat(answer.body.get("customer").get("email").asText(), is("new.one@example.com"));
    assertThat(
        emulator.findCustomerByEmail("new.one@example.com").get("full_name").asText(),
        is("New One"));
  }

  @Test
  void createByActionTitleCreatesTheActionTypeOnce() throws Exception {
    String body =
        "{\"action\":{\"title\":\"Webinar attended\"},\"customer\":{\"phone_number\":\"+4400\"}}";
    JsonNode first = api.post("/activities", body).body;
    JsonNode second = api.post("/activities", body).body;
    assertThat(first.get("action").get("slug").asText(), is("webinar-attended"));
    assertThat(second.get("action").get("slug").asText(), is("webinar-attended"));
    assertThat(api.get("/action-types/webinar-attended/").status, is(200));
  }

  @Test
  void aDuplicateSlugIs400WithTheDrfMessage() throws Exception {
    String body =
        "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"dup@example.com\"},"
            + "\"slug\":\"dup-slug\"}";
    assertThat(api.post("/activities", body).status, is(201));
    ApiClient.Answer again = api.post("/activities", body);
    assertThat(again.status, is(400));
    assertThat(
        again.body.get("slug").get(0).asText(), is("activity with this slug already exists."));
  }

  @Test
  void anUnknownCustomerCodeIs400() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/activities",
            "{\"action\":{\"slug\":\"login\"},\"customer\":{\"code\":\"0b7a1c8e-0000-4000-8000-000000000000\"}}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.get("customer").has("code"), is(true));
  }

  @Test
  void anUnknownActionSlugIs400() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/activities",
            "{\"action\":{\"slug\":\"no-such-action\"},\"customer\":{\"email\":\"x@example.com\"}}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.get("action").has("slug"), is(true));
  }

  @Test
  void theCollectionPathHasNoTrailingSlash() throws Exception {
    assertThat(api.get("/activities").status, is(200));
    assertThat(api.get("/activities/").status, is(404));
  }

  @Test
  void filterByActionType() throws Exception {
    List<JsonNode> hits = list("&action_type=purchase");
    assertThat(hits.size(), greaterThan(0));
    assertThat(field(hits, "action", "slug"), everyItem(is("purchase")));
  }

  @Test
  void filterByOperationTypeCommaList() throws Exception {
    List<JsonNode> hits = list("&operation_type=update,delete");
    assertThat(hits.size(), greaterThan(0));
    assertThat(field(hits, "operation_type", null), everyItem(isIn(Set.of("update", "delete"))));
  }

  @Test
  void anInvalidOperationTypeFilterIs400() throws Exception {
    assertThat(api.get("/activities?operation_type=create,teleport").status, is(400));
  }

  @Test
  void filterByCustomerCodeOrEmail() throws Exception {
    JsonNode any = api.get("/activities?page_size=1").body.get("activities").get(0);
    String code = any.get("customer").get("code").asText();
    String email = any.get("customer").get("email").asText();
    List<JsonNode> byCode = list("&customer=" + code);
    assertThat(field(byCode, "customer", "code"), everyItem(is(code)));
    assertThat(list("&customer=" + email).size(), is(byCode.size()));
  }

  @Test
  void filterByCreatedAtDate() throws Exception {
    List<JsonNode> hits = list("&created_at=2026-03-04");
    assertThat(hits.size(), greaterThan(0));
    assertThat(field(hits, "created_at", null), everyItem(startsWith("2026-03-04")));
  }

  @Test
  void filterByActivityDate() throws Exception {
    List<JsonNode> hits = list("&activity_date=2026-03-07");
    assertThat(hits.size(), greaterThan(0));
    assertThat(field(hits, "activity_date", null), everyItem(startsWith("2026-03-07")));
  }

  @Test
  void dayFiltersPartitionTheWholeList() throws Exception {
    try (FormalooEmulator seeded =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(10)
                .seedActivities(300)
                .seedDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11))
                .build())) {
      ApiClient client = ApiClient.authenticated(seeded);
      int sum = 0;
      // activity_date is drawn from the seed range; created_at may fall an hour later
      for (LocalDate d = LocalDate.of(2026, 3, 1);
          d.isBefore(LocalDate.of(2026, 3, 11));
          d = d.plusDays(1)) {
        sum += client.get("/activities?activity_date=" + d).body.get("count").asInt();
      }
      assertThat(sum, is(300));
    }
  }

  @Test
  void anInvalidDateFilterIs400() throws Exception {
    ApiClient.Answer answer = api.get("/activities?created_at=yesterday");
    assertThat(answer.status, is(400));
    assertThat(answer.body.get("created_at").get(0).asText(), is("Enter a valid date."));
  }

  @Test
  void searchMatchesDescriptionActionOrCustomer() throws Exception {
    List<JsonNode> hits = list("&search=refund");
    assertThat(hits.size(), greaterThan(0));
    assertThat(field(hits, "action", "slug"), everyItem(is("refund")));
  }

  @Test
  void filtersCombine() throws Exception {
    List<JsonNode> hits = list("&action_type=login&activity_date=2026-03-02");
    for (JsonNode a : hits) {
      assertThat(a.get("action").get("slug").asText(), is("login"));
      assertThat(a.get("activity_date").asText(), startsWith("2026-03-02"));
    }
  }

  private static List<String> field(List<JsonNode> items, String field, String nested) {
    return items.stream()
        .map(a -> nested == null ? a.get(field).asText() : a.get(field).get(nested).asText())
        .collect(Collectors.toList());
  }
}
