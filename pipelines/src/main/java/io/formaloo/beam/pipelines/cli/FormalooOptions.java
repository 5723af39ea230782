package io.formaloo.beam.pipelines.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.formaloo.beam.io.client.FormalooConfig;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The options every pipeline of this module shares: where the Formaloo API is, who calls it, and
 * how fast. The runner and its own options ({@code --runner=FlinkRunner --flinkMaster=[local]})
 * come from Beam.
 *
 * <p>The key, secret and access token are {@link JsonIgnore}: Beam then leaves them out of the
 * serialized options and the pipeline's display data. The pipelines also clear them once the
 * connector's config holds them, so no log of the options shows them.
 */
public interface FormalooOptions extends PipelineOptions {
  @Description("Base URL of the Formaloo API (https://, or http:// to a loopback emulator).")
  @Default.String(FormalooConfig.DEFAULT_BASE_URL)
  String getFormalooBaseUrl();

  void setFormalooBaseUrl(String value);

  @Description("API key. Default: the FORMALOO_API_KEY environment variable (preferred).")
  @JsonIgnore
  String getFormalooApiKey();

  void setFormalooApiKey(String value);

  @Description("API secret. Default: the FORMALOO_API_SECRET environment variable (preferred).")
  @JsonIgnore
  String getFormalooApiSecret();

  void setFormalooApiSecret(String value);

  @Description(
      "Access token obtained elsewhere, for --formalooAuthFlow=STATIC_TOKEN. Default: the"
          + " FORMALOO_ACCESS_TOKEN environment variable.")
  @JsonIgnore
  String getFormalooAccessToken();

  void setFormalooAccessToken(String value);

  @Description("The business slug (GET /businesses/ lists them). Required.")
  String getFormalooBusiness();

  void setFormalooBusiness(String value);

  @Description(
      "How to authenticate: SERVICE_TOKEN (the service's own flow, default),"
          + " OAUTH2_CLIENT_CREDENTIALS, STATIC_TOKEN or WRITE_KEY_ONLY.")
  @Default.String("SERVICE_TOKEN")
  String getFormalooAuthFlow();

  void setFormalooAuthFlow(String value);

  @Description(
      "A ceiling on requests per second, never exceeded. Default: none; the rate adapts, found at"
          + " run time by each worker (raised while the API answers, cut on 429). The ceiling is"
          + " per worker process: for writes, shared by the pipeline's writes; for reads, per read."
          + " With N workers, up to N times it.")
  Double getMaxRequestsPerSecond();

  void setMaxRequestsPerSecond(Double value);

  @Description("How many times a request is tried before its record fails (429, 5xx, timeouts).")
  @Default.Integer(6)
  int getFormalooMaxAttempts();

  void setFormalooMaxAttempts(int value);

  @Description("Seconds between progress lines; 0 for none.")
  @Default.Integer(5)
  int getProgressIntervalSeconds();

  void setProgressIntervalSeconds(int value);
}
