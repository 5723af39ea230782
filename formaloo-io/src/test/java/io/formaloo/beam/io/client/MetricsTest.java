package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.Faults.RetryAfterMode;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.FormalooMetrics;
import java.io.Closeable;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private FormalooEmulator emulator;
  private final VirtualTime time = new VirtualTime();
  private final MetricsContainerImpl container = new MetricsContainerImpl("client-test");
  private Closeable scope;

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(5).build());
    // Beam metrics go to the container of the current thread, as in a DoFn.
    scope = MetricsEnvironment.scopedMetricsContainer(container);
  }

  @AfterEach
  void stop() throws Exception {
    scope.close();
    emulator.close();
  }

  @Test
  void countsRequestsResponsesByStatusClassAndLatency() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      client.listCustomers(1);
      client.listCustomers(1);
      client.listCustomers(9);
    }
    assertThat(counter("requests"), is(4L));
    assertThat(counter("token_requests"), is(1L));
    assertThat(counter("responses_2xx"), is(3L));
    assertThat(counter("responses_4xx"), is(1L));
    assertThat(
        container.getDistribution(name("request_latency_ms")).getCumulative().count(), is(4L));
  }

  @Test
  void countsRetriesAndServerErrors() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      client.listCustomers(1);
      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      time.onSleep(
          n -> {
            if (n == 2) {
              emulator.setFaults(Faults.none());
            }
          });
      client.listCustomers(1);
    }
    assertThat(counter("retries"), is(2L));
    assertThat(counter("responses_5xx"), is(2L));
    assertThat(throttlingMsecs(), is(0L));
  }

  @Test
  void counts429sAndTheRetryAfterWaitAsThrottling() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), time)) {
      client.listCustomers(1);
      emulator.setFaults(Faults.builder().rateLimit(1, RetryAfterMode.SECONDS).build());
      time.onSleep(n -> emulator.setFaults(Faults.none()));
      for (int i = 0; i < 10 && time.sleeps().isEmpty(); i++) {
        client.listCustomers(1);
      }
    }
    assertThat(counter("responses_429"), is(1L));
    assertThat(throttlingMsecs(), is(1005L));
  }

  @Test
  void waitsForTheRateLimiterCountAsThrottling() throws Exception {
    FormalooConfig config = configFor(emulator).rateLimit(RateLimit.of(1, 1)).build();
    try (FormalooClient client = client(config, time)) {
      // The token request takes the one stored permit; each call after it waits a second.
      client.listCustomers(1);
      client.listCustomers(1);
      client.listCustomers(1);
    }
    assertThat(throttlingMsecs(), is(3000L));
  }

  private long counter(String name) {
    return container.getCounter(name(name)).getCumulative();
  }

  private long throttlingMsecs() {
    return container
        .getCounter(
            MetricName.named(Metrics.THROTTLE_TIME_NAMESPACE, Metrics.THROTTLE_TIME_COUNTER_NAME))
        .getCumulative();
  }

  private static MetricName name(String name) {
    return MetricName.named(FormalooMetrics.NAMESPACE, name);
  }
}
