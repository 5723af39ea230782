package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each invalid body gets a DRF-style 400 naming the field, and changes nothing. */
class ValidationTest {
  private static FormalooEmulator emulator;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(1).build());
    api = ApiClient.authenticated(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static JsonNode rejected(String path, String body) throws Exception {
    int before = emulator.customerCount() + emulator.activityCount();
    ApiClient.Answer answer = api.post(path, body);
    assertThat(answer.toString(), answer.status, is(400));
    assertThat(emulator.customerCount() + emulator.activityCount(), is(before));
    return answer.body;
  }

  @Test
  void invalidEmail() throws Exception {
    JsonNode errors = rejected("/customers/", "{\"email\":\"not-an-email\"}");
    assertThat(errors.get("email").get(0).asText(), is("Enter a valid email address."));
  }

  @Test
  void customerWithoutEmailOrPhone() throws Exception {
    JsonNode errors = rejected("/customers/", "{\"full_name\":\"Nobody\"}");
    assertThat(
        errors.get("non_field_errors").get(0).asText(),
        is("Either email or phone_number is required."));
  }

  @Test
  void nonObjectCustomerData() throws Exception {
    JsonNode errors =
        rejected("/customers/", "{\"email\":\"a@example.com\",\"customer_data\":\"text\"}");
    assertThat(errors.get("customer_data").get(0).asText(), startsWith("Expected a dictionary"));
  }

  @Test
  void wrongTypes() throws Exception {
    JsonNode errors =
        rejected(
            "/customers/",
            "{\"email\":\"a@example.com\",\"score\":\"lots\",\"full_name\":{\"a\":1}}");
    assertThat(errors.get("score").get(0).asText(), is("A valid integer is required."));
    assertThat(errors.get("full_name").get(0).asText(), is("Not a valid string."));
  }

  @Test
  void bodyThatIsNotAnObject() throws Exception {
    JsonNode errors = rejected("/customers/", "[{\"email\":\"a@example.com\"}]");
    assertThat(
        errors.get("non_field_errors").get(0).asText(),
        is("Invalid data. Expected a dictionary, but got list."));
  }

  @Test
  void malformedJson() throws Exception {
    JsonNode errors = rejected("/customers/", "{\"email\": ");
    assertThat(errors.get("detail").asText(), startsWith("JSON parse error"));
  }

  @Test
  void emptyBody() throws Exception {
    JsonNode errors = rejected("/activities", "");
    assertThat(errors.get("detail").asText(), startsWith("JSON parse error"));
  }

  @Test
  void activityWithoutAction() throws Exception {
    JsonNode errors = rejected("/activities", "{\"customer\":{\"email\":\"a@example.com\"}}");
    assertThat(errors.get("action").get(0).asText(), is("This field is required."));
  }

  @Test
  void activityWithAnActionThatHasNeitherSlugNorTitle() throws Exception {
    JsonNode errors =
        rejected(
            "/activities",
            "{\"action\":{\"description\":\"x\"},\"customer\":{\"email\":\"a@example.com\"}}");
    assertThat(errors.get("action").get("non_field_errors").size(), is(1));
  }

  @Test
  void activityWithoutCustomer() throws Exception {
    JsonNode errors = rejected("/activities", "{\"action\":{\"slug\":\"login\"}}");
    assertThat(errors.get("customer").get(0).asText(), is("This field is required."));
  }

  @Test
  void activityWithoutCustomerIdentifier() throws Exception {
    JsonNode errors =
        rejected(
            "/activities", "{\"action\":{\"slug\":\"login\"},\"customer\":{\"full_name\":\"X\"}}");
    assertThat(errors.get("customer").get("non_field_errors").size(), is(1));
  }

  @Test
  void invalidOperationType() throws Exception {
    JsonNode errors =
        rejected(
            "/activities",
            "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"a@example.com\"},"
                + "\"operation_type\":\"upsert\"}");
    assertThat(
        errors.get("operation_type").get(0).asText(), is("\"upsert\" is not a valid choice."));
  }

  @Test
  void activityWithWrongTypes() throws Exception {
    JsonNode errors =
        rejected(
            "/activities",
            "{\"action\":\"login\",\"customer\":{\"email\":\"a@example.com\"},"
                + "\"activity_date\":\"last tuesday\",\"monetary_value\":\"ten\"}");
    assertThat(errors.has("action"), is(true));
    assertThat(errors.has("activity_date"), is(true));
    assertThat(errors.get("monetary_value").get(0).asText(), is("A valid number is required."));
  }

  @Test
  void allProblemsOfABodyAreReportedAtOnce() throws Exception {
    JsonNode errors = rejected("/activities", "{\"operation_type\":\"x\",\"activity_date\":5}");
    assertThat(errors.has("action") && errors.has("customer"), is(true));
    assertThat(errors.has("operation_type") && errors.has("activity_date"), is(true));
  }
}
