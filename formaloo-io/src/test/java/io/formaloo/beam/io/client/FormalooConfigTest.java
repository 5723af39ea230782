package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class FormalooConfigTest {
  private static final String KEY = "config-test-key";
  private static final String SECRET = "config-test-secret";

  private static FormalooConfig.Builder valid() {
    return FormalooConfig.builder()
        .business("acme")
        .credentials(FormalooCredentials.of(KEY, SECRET));
  }

  @Test
  void defaultsPointAtTheRealApiWithTheServiceFlow() {
    FormalooConfig config = valid().build();
    assertThat(config.baseUrl(), is("https://api.formaloo.com/v1.0"));
    assertThat(config.businessParameter(), is("active_business"));
    assertThat(config.authFlow(), is(AuthFlow.SERVICE_TOKEN));
    assertThat(config.retryPolicy(), is(RetryPolicy.defaults()));
    assertThat(config.tokenLifetime().compareTo(Duration.ofSeconds(30)) < 0, is(true));
  }

  @Test
  void userAgentCarriesTheProjectVersion() {
    assertThat(valid().build().userAgent(), matchesPattern("formaloo-beam/\\d+\\.\\d+\\.\\d+.*"));
  }

  @Test
  void credentialsAreRequired() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FormalooConfig.builder().build());
    assertThat(e.getMessage(), is("credentials must be set"));
  }

  @Test
  void plainHttpIsRefusedForAHostThatIsNotLoopback() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> valid().baseUrl("http://api.formaloo.com/v1.0").build());
    assertThat(e.getMessage(), containsString("baseUrl must use https://"));
    assertThat(e.getMessage(), containsString("api.formaloo.com"));
  }

  @Test
  void plainHttpIsRefusedForAPrivateAddress() {
    assertThrows(
        IllegalArgumentException.class, () -> valid().baseUrl("http://10.0.0.8:8080/v1.0").build());
  }

  @Test
  void plainHttpIsAllowedForLoopbackHosts() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080/v1.0",
          "http://localhost:1/v1.0",
          "http://[::1]:9/v1.0",
          "http://127.3.2.1/v1.0"
        }) {
      assertThat(valid().baseUrl(url).build().baseUrl(), is(url));
    }
  }

  @Test
  void baseUrlLosesItsTrailingSlash() {
    assertThat(
        valid().baseUrl("https://example.com/v1.0/").build().baseUrl(),
        is("https://example.com/v1.0"));
  }

  @Test
  void baseUrlMustNotCarryCredentialsOrAQuery() {
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () -> valid().baseUrl("https://user:pw@example.com/v1.0").build())
            .getMessage(),
        not(containsString("pw")));
    assertThrows(
        IllegalArgumentException.class,
        () -> valid().baseUrl("https://example.com/v1.0?x=1").build());
  }

  @Test
  void everyDurationMustBePositiveAndItsMessageNamesIt() {
    assertThat(
        assertThrows(
                IllegalArgumentException.class, () -> valid().readTimeout(Duration.ZERO).build())
            .getMessage(),
        containsString("readTimeout"));
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () -> valid().connectTimeout(Duration.ofSeconds(-1)).build())
            .getMessage(),
        containsString("connectTimeout"));
    assertThat(
        assertThrows(
                IllegalArgumentException.class, () -> valid().tokenLifetime(Duration.ZERO).build())
            .getMessage(),
        containsString("tokenLifetime"));
  }

  @Test
  void poolNeedsAtLeastOneConnection() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> valid().maxConnections(0).build())
            .getMessage(),
        containsString("maxConnections"));
  }

  @Test
  void businessIsOptionalButNotBlank() {
    assertThat(valid().business(null).build().business(), is(nullValue()));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> valid().business(" ").build())
            .getMessage(),
        containsString("business"));
  }

  @Test
  void flowThatFetchesTokensNeedsASecret() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> valid().credentials(FormalooCredentials.apiKeyOnly(KEY)).build());
    assertThat(e.getMessage(), containsString("SERVICE_TOKEN auth flow needs an API secret"));
  }

  @Test
  void staticTokenFlowNeedsAToken() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> valid().authFlow(AuthFlow.STATIC_TOKEN).build());
    assertThat(e.getMessage(), containsString("needs an access token"));
  }

  @Test
  void writeKeyFlowNeedsOnlyAKey() {
    valid()
        .authFlow(AuthFlow.WRITE_KEY_ONLY)
        .credentials(FormalooCredentials.apiKeyOnly(KEY))
        .build();
  }

  @Test
  void toStringAndDisplayDataShowTheSourceOfCredentialsNotTheirValues() {
    FormalooConfig config = valid().build();
    String shown = config.toString() + DisplayData.from(config);
    assertThat(shown, containsString("explicit"));
    assertThat(shown, containsString("acme"));
    assertThat(shown, not(containsString(KEY)));
    assertThat(shown, not(containsString(SECRET)));
  }

  @Test
  void survivesSerialization() {
    FormalooConfig config = valid().retryPolicy(RetryPolicy.noRetries()).build();
    FormalooConfig copy = SerializableUtils.clone(config);
    assertThat(copy.baseUrl(), is(config.baseUrl()));
    assertThat(copy.retryPolicy(), is(config.retryPolicy()));
    assertThat(copy.rateLimit(), is(config.rateLimit()));
    assertThat(copy.credentials().resolve().apiKey(), is(KEY));
  }

  @Test
  void retryPolicyChecksItsSettings() {
    assertThat(
        assertThrows(
                IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0).build())
            .getMessage(),
        containsString("retryPolicy.maxAttempts"));
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(2))
                        .maxBackoff(Duration.ofSeconds(1))
                        .build())
            .getMessage(),
        containsString("retryPolicy.maxBackoff"));
  }

  @Test
  void rateLimitChecksItsSettings() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(0, 1)).getMessage(),
        containsString("rateLimit.requestsPerSecond"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(5, 0)).getMessage(),
        containsString("rateLimit.burst"));
    assertThat(RateLimit.perSecond(2.5).burst(), is(3));
  }

  @Test
  void theDefaultRateAdaptsWithNoCeilingAndAGivenRateIsACeilingThatStillAdapts() {
    RateLimit byDefault = valid().build().rateLimit();
    assertThat(byDefault.isAdaptive(), is(true));
    assertThat(byDefault.hasCeiling(), is(false));
    assertThat(RateLimit.perSecond(20).isAdaptive(), is(true));
    assertThat(RateLimit.perSecond(20).hasCeiling(), is(true));
    assertThat(RateLimit.unlimited().isAdaptive(), is(false));
  }
}
