package io.formaloo.beam.io.client;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The client's Beam metrics, in namespace {@value #NAMESPACE}, plus Beam's throttling counter, and
 * the same counts in {@link LiveCounters} as they happen.
 *
 * <p>Metric names are fixed strings: nothing a request carries (credentials, paths, queries) ever
 * becomes part of a metric.
 */
final class ClientMetrics {
  /** The namespace of every metric the connector reports. */
  static final String NAMESPACE = "formaloo";

  static final String REQUESTS = "requests";
  static final String RETRIES = "retries";
  static final String RATE_LIMITED = "responses_429";
  static final String CONNECTION_FAILURES = "connection_failures";
  static final String TOKEN_REQUESTS = "token_requests";
  static final String LATENCY = "request_latency_ms";

  private final Counter requests = Metrics.counter(NAMESPACE, REQUESTS);
  private final Counter[] responsesByClass = {
    Metrics.counter(NAMESPACE, "responses_1xx"),
    Metrics.counter(NAMESPACE, "responses_2xx"),
    Metrics.counter(NAMESPACE, "responses_3xx"),
    Metrics.counter(NAMESPACE, "responses_4xx"),
    Metrics.counter(NAMESPACE, "responses_5xx"),
  };
  private final Counter retries = Metrics.counter(NAMESPACE, RETRIES);
  private final Counter rateLimited = Metrics.counter(NAMESPACE, RATE_LIMITED);
  private final Counter connectionFailures = Metrics.counter(NAMESPACE, CONNECTION_FAILURES);
  private final Counter tokenRequests = Metrics.counter(NAMESPACE, TOKEN_REQUESTS);
  private final Distribution latency = Metrics.distribution(NAMESPACE, LATENCY);

  /**
   * Beam's own counter of time spent throttled: runners that autoscale (Dataflow) read it, so that
   * a job waiting on the API's rate limit does not get more workers that would only wait too.
   */
  private final Counter throttlingMsecs =
      Metrics.counter(Metrics.THROTTLE_TIME_NAMESPACE, Metrics.THROTTLE_TIME_COUNTER_NAME);

  void request() {
    requests.inc();
    LiveCounters.request();
  }

  void tokenRequest() {
    tokenRequests.inc();
  }

  void response(int status, long latencyMillis) {
    int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5) {
      responsesByClass[statusClass - 1].inc();
    }
    if (status == 429) {
      rateLimited.inc();
      LiveCounters.rateLimited();
    }
    latency.update(latencyMillis);
  }

  void connectionFailure(long latencyMillis) {
    connectionFailures.inc();
    latency.update(latencyMillis);
  }

  void retry() {
    retries.inc();
    LiveCounters.retry();
  }

  void throttled(long millis) {
    if (millis > 0) {
      throttlingMsecs.inc(millis);
      LiveCounters.throttled(millis);
    }
  }
}
