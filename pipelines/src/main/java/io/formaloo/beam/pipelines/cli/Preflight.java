package io.formaloo.beam.pipelines.cli;

import io.formaloo.beam.io.client.AuthFlow;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * One request before the pipeline starts, so that a wrong base URL, key or business is reported as
 * the option it is, at once, rather than as a failed job minutes later on a cluster.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * Reads the first page of the business's tags: it needs the credentials, the business and the
   * base URL to be right, and is small.
   *
   * @throws InvalidOptionException naming the option the API's answer points at
   */
  public static void check(FormalooConfig config) {
    if (config.authFlow() == AuthFlow.WRITE_KEY_ONLY) {
      // A write key may not read anything: there is no request to try that would not be a write.
      return;
    }
    // A wrong option fails on its first answer (401, 400, 403 and 404 are not retried), but an API
    // that answers a 5xx or drops a connection now and then must not pass for a wrong base URL:
    // with 2 tries, the soak's faults (5% 5xx, 1% drops) stopped about one start in 1,500 with
    // "--formalooBaseUrl=...: the API failed (... 502: gave up retrying)". 4 tries make that
    // vanishingly rare and wait at most 3.5 s in all (backoff 0.5 + 1 + 2 s) on an unreachable
    // host.
    FormalooConfig quick =
        config.toBuilder()
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(4).maxElapsed(Duration.ofSeconds(15)).build())
            .build();
    try (FormalooClient client = FormalooClient.create(quick)) {
      client.listTags(1);
    } catch (FormalooException e) {
      throw new InvalidOptionException(explain(config, e), e);
    } catch (IOException e) {
      // Closing the client failed after the request succeeded: nothing the options can fix.
    }
  }

  private static String explain(FormalooConfig config, FormalooException e) {
    String answer = e.getMessage();
    switch (e.status()) {
      case 0:
        return "--formalooBaseUrl=" + config.baseUrl() + ": cannot reach the API (" + answer + ")";
      case 401:
        return "--formalooApiKey/--formalooApiSecret (or "
            + ConfigFromOptions.API_KEY_VARIABLE
            + "/"
            + ConfigFromOptions.API_SECRET_VARIABLE
            + ") with --formalooAuthFlow="
            + config.authFlow()
            + ": the API refused the credentials ("
            + answer
            + ")";
      case 400:
      case 403:
        return "--formalooBusiness="
            + config.business()
            + ": the API refused the business for these credentials ("
            + answer
            + ")";
      case 404:
        return "--formalooBaseUrl="
            + config.baseUrl()
            + ": no Formaloo API there (404 for /tags/; the base URL ends in /v1.0)";
      default:
        return "--formalooBaseUrl=" + config.baseUrl() + ": the API failed (" + answer + ")";
    }
  }
}
