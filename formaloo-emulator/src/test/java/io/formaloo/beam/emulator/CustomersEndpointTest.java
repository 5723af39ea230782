package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomersEndpointTest {
  private FormalooEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(12).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void createAnswers201WithTheDocumentedShape() throws Exception {
    ApiClient.Answer answer =
        api.post(
            "/customers/",
            "{\"full_name\":\"Ada\",\"email\":\"ada@example.com\",\"phone_number\":\"+100\","
                + "\"customer_data\":{\"plan\":\"pro\",\"n\":[1,{\"x\":null}]},\"score\":7,"
                + "\"tags\":[{\"slug\":\"vip\"}]}");
    assertThat(answer.status, is(201));
    JsonNode c = answer.body;
    assertThat(c.get("full_name").asText(), is("Ada"));
    assertThat(c.get("customer_data").toString(), is("{\"plan\":\"pro\",\"n\":[1,{\"x\":null}]}"));
    assertThat(c.get("tags").get(0).get("slug").asText(), is("vip"));
    assertThat(c.get("score").asInt(), is(7));
    assertThat(c.get("code").asText().length(), is(36));
    assertThat(c.has("created_at") && c.has("updated_at"), is(true));
  }

  @Test
  void postWithAnExistingEmailUpdatesThatCustomerWith200() throws Exception {
    String code =
        api.post("/customers/", "{\"email\":\"Up@Example.com\",\"score\":1}")
            .body
            .get("code")
            .asText();
    ApiClient.Answer again = api.post("/customers/", "{\"email\":\"up@example.com\",\"score\":2}");
    assertThat(again.status, is(200));
    assertThat(again.body.get("code").asText(), is(code));
    assertThat(again.body.get("score").asInt(), is(2));
    assertThat(emulator.customerCount(), is(13));
  }

  @Test
  void postWithoutEmailUpsertsByPhone() throws Exception {
    String code =
        api.post("/customers/", "{\"phone_number\":\"+49123\"}").body.get("code").asText();
    ApiClient.Answer again =
        api.post("/customers/", "{\"phone_number\":\"+49123\",\"full_name\":\"P\"}");
    assertThat(again.status, is(200));
    assertThat(again.body.get("code").asText(), is(code));
  }

  @Test
  void getByCodeAndBySlug() throws Exception {
    JsonNode created = api.post("/customers/", "{\"email\":\"g@example.com\"}").body;
    String code = created.get("code").asText();
    assertThat(api.get("/customers/" + code + "/").body.get("email").asText(), is("g@example.com"));
    assertThat(api.get("/customers/not-a-customer/").status, is(404));
  }

  @Test
  void patchChangesOnlyTheFieldsSent() throws Exception {
    String code =
        api.post(
                "/customers/", "{\"email\":\"p@example.com\",\"full_name\":\"Before\",\"score\":3}")
            .body
            .get("code")
            .asText();
    ApiClient.Answer patched = api.patch("/customers/" + code + "/", "{\"full_name\":\"After\"}");
    assertThat(patched.status, is(200));
    assertThat(patched.body.get("full_name").asText(), is("After"));
    assertThat(patched.body.get("score").asInt(), is(3));
    assertThat(patched.body.get("email").asText(), is("p@example.com"));
  }

  @Test
  void patchToAnotherCustomersEmailIs400() throws Exception {
    api.post("/customers/", "{\"email\":\"one@example.com\"}");
    String code =
        api.post("/customers/", "{\"email\":\"two@example.com\"}").body.get("code").asText();
    ApiClient.Answer answer =
        api.patch("/customers/" + code + "/", "{\"email\":\"one@example.com\"}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.has("email"), is(true));
  }

  @Test
  void deleteAnswers204AndTheCustomerIsGone() throws Exception {
    String code =
        api.post("/customers/", "{\"email\":\"d@example.com\"}").body.get("code").asText();
    ApiClient.Answer answer = api.delete("/customers/" + code + "/");
    assertThat(answer.status, is(204));
    assertThat(answer.body, nullValue());
    assertThat(api.get("/customers/" + code + "/").status, is(404));
    assertThat(api.delete("/customers/" + code + "/").status, is(404));
  }

  @Test
  void deletingACustomerDeletesItsActivities() throws Exception {
    api.post(
        "/activities",
        "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"gone@example.com\"},"
            + "\"slug\":\"gone-1\"}");
    String code = emulator.findCustomerByEmail("gone@example.com").get("code").asText();
    api.delete("/customers/" + code + "/");
    assertThat(emulator.findActivityBySlug("gone-1"), nullValue());
  }

  @Test
  void searchMatchesNameEmailOrPhone() throws Exception {
    api.post("/customers/", "{\"email\":\"zebra.unique@example.com\"}");
    JsonNode page = api.get("/customers/?search=ZEBRA.unique").body;
    assertThat(page.get("count").asInt(), is(1));
    assertThat(page.get("customers").get(0).get("email").asText(), is("zebra.unique@example.com"));
    assertThat(api.get("/customers/?search=%2B15550000003").body.get("count").asInt(), is(1));
  }

  @Test
  void customerActivitiesArePlainArraysOfActivityShortWithFilters() throws Exception {
    String email = "acts@example.com";
    for (String action : new String[] {"login", "purchase", "login"}) {
      api.post(
          "/activities",
          "{\"action\":{\"slug\":\""
              + action
              + "\"},\"customer\":{\"email\":\""
              + email
              + "\"},\"monetary_value\":\"9.50\",\"currency\":\"usd\"}");
    }
    String slug = emulator.findCustomerByEmail(email).get("code").asText();
    JsonNode all = api.get("/customers/" + slug + "/activities/").body;
    assertThat(all.isArray(), is(true));
    assertThat(all.size(), is(3));
    assertThat(all.get(0).get("currency").get("iso_code").asText(), is("USD"));
    assertThat(all.get(0).get("monetary_value").asText(), is("9.50"));
    assertThat(all.get(0).has("customer"), is(false));
    assertThat(api.get("/customers/" + slug + "/activities/?type=purchase").body.size(), is(1));
    assertThat(api.get("/customers/" + slug + "/activities/?operation=read").body.size(), is(2));
    assertThat(
        api.get("/customers/" + slug + "/activities/?operation=read,create").body.size(), is(3));
    assertThat(api.get("/customers/" + slug + "/activities/?search=purch").body.size(), is(1));
  }

  @Test
  void customerSlugIsAcceptedWhereTheCodeIs() throws Exception {
    JsonNode activity =
        api.post(
                "/activities",
                "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"s@example.com\"}}")
            .body;
    String slug = activity.get("customer").get("slug").asText();
    assertThat(slug, not(activity.get("customer").get("code").asText()));
    assertThat(api.get("/customers/" + slug + "/activities/").body.size(), is(1));
  }
}
