package io.formaloo.beam.io.client;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.display.HasDisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything the client needs to reach the Formaloo API: where it is, which business, who is
 * calling and how, and how patiently.
 *
 * <pre>{@code
 * FormalooConfig config = FormalooConfig.builder()
 *     .business("acme")
 *     .credentials(FormalooCredentials.fromEnvironment())
 *     .build();
 * }</pre>
 *
 * <p>Serializable, so that transforms carry it to the workers; each worker builds its own {@link
 * FormalooClient} from it. {@link Builder#build()} checks every setting and names the one at fault.
 * Neither {@link #toString()} nor the display data shows a credential.
 */
@AutoValue
public abstract class FormalooConfig implements Serializable, HasDisplayData {
  private static final long serialVersionUID = 1L;

  /** The API's own base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.formaloo.com/v1.0";

  /** The name of the business query parameter in the reference. */
  public static final String DEFAULT_BUSINESS_PARAMETER = "active_business";

  /** The API's base URL, without a trailing slash. */
  public abstract String baseUrl();

  /**
   * The business slug sent with every business-scoped call, or null to make only the calls that
   * need none (such as listing the businesses to find the slug).
   */
  public abstract @Nullable String business();

  /**
   * The name of the business query parameter: {@code active_business} in the reference, {@code
   * active_workspace} in older published specs of the service.
   */
  public abstract String businessParameter();

  /** Where the API key and secret come from. */
  public abstract FormalooCredentials credentials();

  /** How the client authenticates. */
  public abstract AuthFlow authFlow();

  /** How long to wait for a connection. */
  public abstract Duration connectTimeout();

  /** How long to wait for each read of an answer. */
  public abstract Duration readTimeout();

  /** How failed requests are retried. */
  public abstract RetryPolicy retryPolicy();

  /**
   * How fast the client sends: by default adaptive, with no ceiling (see {@link RateLimit}). A
   * ceiling applies to each client: one read's, in one worker process.
   */
  public abstract RateLimit rateLimit();

  /**
   * How long a token is used when the token answer does not say ({@code expires_in}). The service
   * documents 30 seconds; the default, 25 seconds, renews it before then.
   */
  public abstract Duration tokenLifetime();

  /** The most connections one client keeps open to the API: the most concurrent requests. */
  public abstract int maxConnections();

  /** The {@code User-Agent} sent with every request. */
  public abstract String userAgent();

  /** A builder with every default set; only the credentials must be given. */
  public static Builder builder() {
    return new AutoValue_FormalooConfig.Builder()
        .baseUrl(DEFAULT_BASE_URL)
        .businessParameter(DEFAULT_BUSINESS_PARAMETER)
        .authFlow(AuthFlow.SERVICE_TOKEN)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .retryPolicy(RetryPolicy.defaults())
        .rateLimit(RateLimit.adaptive())
        .tokenLifetime(Duration.ofSeconds(25))
        .maxConnections(32)
        .userAgent(ClientVersion.userAgent());
  }

  /** A builder starting from this config. */
  public abstract Builder toBuilder();

  /** The host (and port) of the base URL, for messages. */
  public String host() {
    return BaseUrl.hostOf(baseUrl());
  }

  /** Describes every setting but the credentials' values, for a transform's display data. */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    builder
        .add(DisplayData.item("baseUrl", baseUrl()).withLabel("Formaloo API base URL"))
        .addIfNotNull(DisplayData.item("business", business()).withLabel("Business slug"))
        .add(
            DisplayData.item("businessParameter", businessParameter())
                .withLabel("Business query parameter"))
        .add(DisplayData.item("credentials", credentials().source()).withLabel("Credentials from"))
        .add(DisplayData.item("authFlow", authFlow().name()).withLabel("Auth flow"))
        .add(DisplayData.item("connectTimeout", connectTimeout().toString()))
        .add(DisplayData.item("readTimeout", readTimeout().toString()))
        .add(DisplayData.item("maxAttempts", retryPolicy().maxAttempts()))
        .add(DisplayData.item("maxElapsed", retryPolicy().maxElapsed().toString()))
        .add(DisplayData.item("rateLimit", rateLimit().toString()))
        .add(DisplayData.item("maxConnections", maxConnections()))
        .add(DisplayData.item("userAgent", userAgent()));
  }

  /** Builds a {@link FormalooConfig}; {@link #build()} checks every setting. */
  @AutoValue.Builder
  public abstract static class Builder {
    /**
     * The API's base URL. {@code https://} only, except {@code http://} to a loopback host (an
     * emulator). Default {@value FormalooConfig#DEFAULT_BASE_URL}.
     */
    public abstract Builder baseUrl(String baseUrl);

    /** The business slug (see {@code GET /businesses/}). */
    public abstract Builder business(@Nullable String business);

    /** The name of the business query parameter. Default {@code active_business}. */
    public abstract Builder businessParameter(String businessParameter);

    /** Where the API key and secret come from. Required. */
    public abstract Builder credentials(FormalooCredentials credentials);

    /** How the client authenticates. Default {@link AuthFlow#SERVICE_TOKEN}. */
    public abstract Builder authFlow(AuthFlow authFlow);

    /** How long to wait for a connection. Default 10 s. */
    public abstract Builder connectTimeout(Duration connectTimeout);

    /** How long to wait for each read of an answer. Default 60 s. */
    public abstract Builder readTimeout(Duration readTimeout);

    /** How failed requests are retried. Default {@link RetryPolicy#defaults()}. */
    public abstract Builder retryPolicy(RetryPolicy retryPolicy);

    /**
     * How fast the client sends. Default {@link RateLimit#adaptive()}: the rate the API allows is
     * found at run time, shared by every client of one worker process for this account. {@link
     * RateLimit#perSecond} adds a ceiling per client that is never exceeded.
     */
    public abstract Builder rateLimit(RateLimit rateLimit);

    /** How long a token without {@code expires_in} is used. Default 25 s. */
    public abstract Builder tokenLifetime(Duration tokenLifetime);

    /**
     * The most connections one client keeps open. Default 32: the DoFn instances of one read in one
     * worker share a client, and each keeps up to {@code maxConcurrentPageRequests} (32 by default)
     * pages in flight; more requests than connections wait for one. Connections open only when
     * needed.
     */
    public abstract Builder maxConnections(int maxConnections);

    /** The {@code User-Agent}. Default {@code formaloo-beam/<version>}. */
    public abstract Builder userAgent(String userAgent);

    abstract String baseUrl();

    abstract Optional<FormalooCredentials> credentials();

    abstract FormalooConfig autoBuild();

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException naming the first setting that is missing or wrong
     */
    public FormalooConfig build() {
      Checks.check(credentials().isPresent(), "credentials must be set");
      baseUrl(BaseUrl.check(baseUrl()));
      FormalooConfig c = autoBuild();
      if (c.business() != null) {
        Checks.notBlank("business", c.business());
        Checks.check(!c.business().contains("/"), "business must be a slug, got %s", c.business());
      }
      Checks.notBlank("businessParameter", c.businessParameter());
      Checks.positive("connectTimeout", c.connectTimeout());
      Checks.positive("readTimeout", c.readTimeout());
      Checks.positive("tokenLifetime", c.tokenLifetime());
      Checks.check(
          c.maxConnections() >= 1, "maxConnections must be at least 1, got %s", c.maxConnections());
      Checks.notBlank("userAgent", c.userAgent());
      if (c.credentials().isResolvedEagerly()) {
        // Providers are only called on the workers; everything else is checked here, where the
        // pipeline is built, so that a missing secret fails before the job starts.
        c.credentials().resolve().requireFor(c.authFlow());
      }
      return c;
    }
  }
}
