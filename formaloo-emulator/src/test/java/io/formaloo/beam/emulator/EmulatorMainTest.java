package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

  @Test
  void flagsBecomeTheConfig() {
    EmulatorConfig config =
        EmulatorMain.parse(
            new String[] {
              "--customers",
              "100",
              "--activities",
              "500",
              "--port",
              "8089",
              "--latency-ms",
              "20",
              "--jitter-ms",
              "5",
              "--rate",
              "50",
              "--retry-after",
              "http_date",
              "--error-rate",
              "0.05",
              "--drop-rate",
              "0.01",
              "--drop-after-commit-rate",
              "0.02",
              "--envelope",
              "--token-lifetime-s",
              "10",
              "--inserts-per-list",
              "1",
              "--deletes-per-list",
              "2"
            });
    assertThat(config.seedCustomers(), is(100));
    assertThat(config.seedActivities(), is(500));
    assertThat(config.port(), is(8089));
    assertThat(config.tokenLifetime(), is(Duration.ofSeconds(10)));
    Faults f = config.faults();
    assertThat(f.latency(), is(Duration.ofMillis(20)));
    assertThat(f.latencyJitter(), is(Duration.ofMillis(5)));
    assertThat(f.rateLimitPerSecond(), is(50.0));
    assertThat(f.retryAfterMode(), is(Faults.RetryAfterMode.HTTP_DATE));
    assertThat(f.errorRate(), is(0.05));
    assertThat(f.dropRate(), is(0.01));
    assertThat(f.dropAfterCommitRate(), is(0.02));
    assertThat(f.envelope(), is(true));
    assertThat(f.insertsPerListRequest(), is(1));
    assertThat(f.deletesPerListRequest(), is(2));
  }

  @Test
  void anUnknownFlagIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--nope", "1"}));
    assertThat(e.getMessage(), containsString("--nope"));
  }

  @Test
  void aBadValueNamesItsFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--customers", "many"}));
    assertThat(e.getMessage(), containsString("--customers"));
  }

  @Test
  void anOutOfRangeProbabilityIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorMain.parse(new String[] {"--error-rate", "1.5"}));
    assertThat(e.getMessage(), containsString("errorRate"));
  }
}
