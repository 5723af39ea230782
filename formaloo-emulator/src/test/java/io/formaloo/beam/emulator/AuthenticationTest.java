package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(3)
                .tokenLifetime(Duration.ofSeconds(45))
                .build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void serviceFlowIssuesATokenWith201ThatWorksAsJwt() throws Exception {
    ApiClient.Answer token = new ApiClient(emulator).serviceToken();
    assertThat(token.status, is(201));
    String jwt = token.body.get("authorization_token").asText();
    assertThat(
        new ApiClient(emulator).authorization("JWT " + jwt).get("/customers/").status, is(200));
  }

  @Test
  void serviceFlowRejectsAWrongSecretWith401Detail() throws Exception {
    ApiClient.Answer answer =
        post(
            "/v1.0/oauth2/authorization-token/",
            "Basic not-the-secret",
            "grant_type=client_credentials");
    assertThat(answer.status, is(401));
    assertThat(answer.body.get("detail").asText(), is("Invalid client credentials."));
  }

  @Test
  void serviceFlowNeedsTheClientCredentialsGrant() throws Exception {
    ApiClient.Answer answer =
        post("/v1.0/oauth2/authorization-token/", "Basic " + emulator.apiSecret(), "");
    assertThat(answer.status, is(400));
    assertThat(answer.body.get("grant_type").get(0).asText(), is("This field is required."));
  }

  @Test
  void oauth2ClientCredentialsIssuesABearerTokenWithItsLifetime() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (emulator.apiKey() + ":" + emulator.apiSecret()).getBytes(StandardCharsets.UTF_8));
    ApiClient.Answer answer =
        post("/v1.0/oauth/authorize", "Basic " + basic, "grant_type=client_credentials");
    assertThat(answer.status, is(200));
    assertThat(answer.body.get("token_type").asText(), is("Bearer"));
    assertThat(answer.body.get("expires_in").asLong(), is(45L));
    String token = answer.body.get("access_token").asText();
    assertThat(
        new ApiClient(emulator).authorization("Bearer " + token).get("/tags/").status, is(200));
  }

  @Test
  void oauth2RejectsAWrongSecret() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((emulator.apiKey() + ":wrong").getBytes(StandardCharsets.UTF_8));
    ApiClient.Answer answer =
        post("/v1.0/oauth/authorize", "Basic " + basic, "grant_type=client_credentials");
    assertThat(answer.status, is(401));
    assertThat(answer.body.get("error").asText(), is("invalid_client"));
  }

  @Test
  void everyCallNeedsTheApiKey() throws Exception {
    ApiClient.Answer answer = ApiClient.authenticated(emulator).withoutKey().get("/customers/");
    assertThat(answer.status, is(401));
    assertThat(answer.body.get("detail"), notNullValue());
  }

  @Test
  void aWrongApiKeyIs401() throws Exception {
    ApiClient.Answer answer = rawGetWithKey("not-the-key");
    assertThat(answer.status, is(401));
    assertThat(answer.body.get("detail").asText(), is("Invalid API key."));
  }

  @Test
  void readsNeedAToken() throws Exception {
    ApiClient.Answer answer = new ApiClient(emulator).get("/customers/");
    assertThat(answer.status, is(401));
    assertThat(
        answer.body.get("detail").asText(), is("Authentication credentials were not provided."));
  }

  @Test
  void anUnknownTokenIs401() throws Exception {
    assertThat(new ApiClient(emulator).authorization("JWT forged").get("/tags/").status, is(401));
  }

  @Test
  void anExpiredTokenIs401SignatureHasExpired() throws Exception {
    ApiClient api = ApiClient.authenticated(emulator);
    assertThat(api.get("/customers/").status, is(200));
    emulator.expireAllTokens();
    ApiClient.Answer answer = api.get("/customers/");
    assertThat(answer.status, is(401));
    assertThat(answer.body.get("detail").asText(), is("Signature has expired."));
    assertThat(ApiClient.authenticated(emulator).get("/customers/").status, is(200));
  }

  @Test
  void tokensExpireAfterTheConfiguredLifetime() throws Exception {
    try (FormalooEmulator shortLived =
        FormalooEmulator.start(
            EmulatorConfig.builder().tokenLifetime(Duration.ofMillis(300)).build())) {
      ApiClient api = ApiClient.authenticated(shortLived);
      assertThat(api.get("/tags/").status, is(200));
      ApiClient.Answer expired =
          Await.until(() -> api.get("/tags/"), a -> a.status == 401, Duration.ofSeconds(10));
      assertThat(expired.body.get("detail").asText(), is("Signature has expired."));
    }
  }

  @Test
  void writesMayUseTheApiKeyAlone() throws Exception {
    ApiClient writeKeyOnly = new ApiClient(emulator);
    assertThat(writeKeyOnly.post("/customers/", "{\"email\":\"w@example.com\"}").status, is(201));
    assertThat(
        writeKeyOnly.post(
                "/activities",
                "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"w@example.com\"}}")
            .status,
        is(201));
  }

  @Test
  void anUnknownBusinessIs400() throws Exception {
    ApiClient.Answer answer =
        ApiClient.authenticated(emulator).get("/customers/?active_business=someone-else");
    assertThat(answer.status, is(400));
    assertThat(
        answer.body.get("active_business").get(0).asText().contains("someone-else"), is(true));
  }

  @Test
  void theKeysOwnBusinessIsUsedWhenNoneIsNamed() throws Exception {
    ApiClient api = ApiClient.authenticated(emulator);
    assertThat(api.get("/customers/").body.get("count").asInt(), is(3));
    assertThat(
        api.get("/customers/?active_business=" + emulator.business()).body.get("count").asInt(),
        is(3));
  }

  @Test
  void theBusinessParameterNameIsConfigurable() throws Exception {
    try (FormalooEmulator older =
        FormalooEmulator.start(
            EmulatorConfig.builder().businessParameter("active_workspace").build())) {
      ApiClient api = ApiClient.authenticated(older);
      assertThat(api.get("/tags/?active_workspace=nope").status, is(400));
      assertThat(api.get("/tags/?active_workspace=" + older.business()).status, is(200));
    }
  }

  private ApiClient.Answer post(String path, String authorization, String form) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return new ApiClient.Answer(
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private ApiClient.Answer rawGetWithKey(String key) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/customers/"))
            .header("x-api-key", key)
            .build();
    return new ApiClient.Answer(
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private String root() {
    return emulator.baseUrl().replace("/v1.0", "");
  }
}
