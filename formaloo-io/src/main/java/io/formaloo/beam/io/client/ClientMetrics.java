package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.FormalooMetrics.NAMESPACE;

import io.formaloo.beam.io.FormalooMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The client's Beam metrics, in namespace {@code formaloo} (see {@link FormalooMetrics}), plus
 * Beam's throttling counter, and the same counts in {@link LiveCounters} as they happen.
 *
 * <p>Metric names are fixed strings: nothing a request carries (credentials, paths, queries) ever
 * becomes part of a metric.
 */
final class ClientMetrics {
  private final Counter requests = Metrics.counter(NAMESPACE, FormalooMetrics.REQUESTS);
  private final Counter[] responsesByClass = {
    Metrics.counter(NAMESPACE, FormalooMetrics.RESPONSES_1XX),
    Metrics.counter(NAMESPACE, FormalooMetrics.RESPONSES_2XX),
    Metrics.counter(NAMESPACE, FormalooMetrics.RESPONSES_3XX),
    Metrics.counter(NAMESPACE, FormalooMetrics.RESPONSES_4XX),
    Metrics.counter(NAMESPACE, FormalooMetrics.RESPONSES_5XX),
  };
  private final Counter retries = Metrics.counter(NAMESPACE, FormalooMetrics.RETRIES);
  private final Counter rateLimited = Metrics.counter(NAMESPACE, FormalooMetrics.RATE_LIMITED);
  private final Counter connectionFailures =
      Metrics.counter(NAMESPACE, FormalooMetrics.CONNECTION_FAILURES);
  private final Counter tokenRequests = Metrics.counter(NAMESPACE, FormalooMetrics.TOKEN_REQUESTS);
  private final Distribution latency =
      Metrics.distribution(NAMESPACE, FormalooMetrics.REQUEST_LATENCY_MS);

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
