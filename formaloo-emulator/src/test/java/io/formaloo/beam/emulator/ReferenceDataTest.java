package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private FormalooEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    emulator = FormalooEmulator.start();
    api = ApiClient.authenticated(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void actionTypesListWithTheirGroups() throws Exception {
    JsonNode page = api.get("/action-types/").body;
    assertThat(page.get("count").asInt(), greaterThan(0));
    JsonNode signup = api.get("/action-types/signup/").body;
    assertThat(signup.get("default_operation_type").asText(), is("create"));
    assertThat(signup.get("group").get("slug").asText(), is("lifecycle"));
    assertThat(signup.get("is_owned").asBoolean(), is(false));
  }

  @Test
  void actionTypeCreatePatchDelete() throws Exception {
    ApiClient.Answer created =
        api.post(
            "/action-types/",
            "{\"title\":\"Quiz done\",\"default_operation_type\":\"create\","
                + "\"activity_text_template\":{\"en\":\"{customer} finished a quiz\"},"
                + "\"action_score\":5}");
    assertThat(created.status, is(201));
    String slug = created.body.get("slug").asText();
    assertThat(slug, is("quiz-done"));
    assertThat(created.body.get("is_owned").asBoolean(), is(true));
    ApiClient.Answer patched =
        api.patch(
            "/action-types/" + slug + "/", "{\"description\":\"Finished.\",\"action_score\":6}");
    assertThat(patched.body.get("description").asText(), is("Finished."));
    assertThat(patched.body.get("action_score").asInt(), is(6));
    assertThat(api.delete("/action-types/" + slug + "/").status, is(204));
    assertThat(api.get("/action-types/" + slug + "/").status, is(404));
  }

  @Test
  void actionTypeValidation() throws Exception {
    ApiClient.Answer answer =
        api.post("/action-types/", "{\"default_operation_type\":\"x\",\"action_score\":\"y\"}");
    assertThat(answer.status, is(400));
    assertThat(answer.body.has("title"), is(true));
    assertThat(answer.body.has("default_operation_type"), is(true));
    assertThat(answer.body.has("action_score"), is(true));
  }

  @Test
  void builtInActionTypesCannotBeDeleted() throws Exception {
    assertThat(api.delete("/action-types/login/").status, is(403));
  }

  @Test
  void actionTypeGroupsList() throws Exception {
    JsonNode page = api.get("/action-type-groups/").body;
    assertThat(page.get("action_type_groups").size(), is(3));
    assertThat(page.get("action_type_groups").get(0).has("default_text_template"), is(true));
  }

  @Test
  void tagsCreateGetPatchDelete() throws Exception {
    ApiClient.Answer created =
        api.post("/tags/", "{\"title\":\"Early bird\",\"description\":\"e\"}");
    assertThat(created.status, is(201));
    String slug = created.body.get("slug").asText();
    assertThat(api.get("/tags/" + slug + "/").body.get("title").asText(), is("Early bird"));
    assertThat(
        api.patch("/tags/" + slug + "/", "{\"description\":\"changed\"}")
            .body
            .get("description")
            .asText(),
        is("changed"));
    assertThat(api.delete("/tags/" + slug + "/").status, is(204));
    assertThat(api.get("/tags/" + slug + "/").status, is(404));
  }

  @Test
  void tagsNeedATitle() throws Exception {
    assertThat(api.post("/tags/", "{\"description\":\"x\"}").status, is(400));
  }

  @Test
  void deletingATagRemovesItFromCustomers() throws Exception {
    api.post("/customers/", "{\"email\":\"t@example.com\",\"tags\":[{\"slug\":\"beta\"}]}");
    api.delete("/tags/beta/");
    assertThat(emulator.findCustomerByEmail("t@example.com").get("tags").size(), is(0));
  }

  @Test
  void businessesIsAPlainArrayWithTheBusinessSlug() throws Exception {
    JsonNode answer = api.get("/businesses/").body;
    assertThat(answer.isArray(), is(true));
    assertThat(answer.get(0).get("slug").asText(), is(emulator.business()));
  }

  @Test
  void currenciesList() throws Exception {
    JsonNode page = api.get("/currencies/").body;
    assertThat(page.get("currencies").get(0).get("iso_code").asText(), is("USD"));
    assertThat(page.get("currencies").get(0).has("title"), is(true));
  }

  @Test
  void anUnknownPathIs404AndAWrongMethodIs405() throws Exception {
    assertThat(api.get("/nothing-here/").status, is(404));
    ApiClient.Answer answer = api.raw("PUT", "/v1.0/tags/", "{}");
    assertThat(answer.status, is(405));
    assertThat(answer.body.get("detail").asText(), is("Method \"PUT\" not allowed."));
  }
}
