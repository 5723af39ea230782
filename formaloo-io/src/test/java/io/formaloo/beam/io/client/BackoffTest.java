package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofMillis(1000))
          .maxRetryAfter(Duration.ofSeconds(10))
          .build();

  @Test
  void capDoublesFromTheInitialBackoffUpToTheMaximum() {
    Backoff backoff = new Backoff(POLICY, () -> 0.5);
    assertThat(backoff.cap(1), is(Duration.ofMillis(100)));
    assertThat(backoff.cap(2), is(Duration.ofMillis(200)));
    assertThat(backoff.cap(4), is(Duration.ofMillis(800)));
    assertThat(backoff.cap(5), is(Duration.ofMillis(1000)));
    assertThat(backoff.cap(500), is(Duration.ofMillis(1000)));
  }

  @Test
  void fullJitterSpansZeroToTheCap() {
    assertThat(new Backoff(POLICY, () -> 0.0).delay(3, null), is(Duration.ZERO));
    assertThat(new Backoff(POLICY, () -> 0.25).delay(3, null), is(Duration.ofMillis(100)));
    assertThat(new Backoff(POLICY, () -> 0.999).delay(3, null), is(Duration.ofMillis(399)));
  }

  @Test
  void retryAfterIsWaitedOutWithJitterOnlyOnTop() {
    Duration asked = Duration.ofSeconds(3);
    assertThat(new Backoff(POLICY, () -> 0.0).delay(1, asked), is(asked));
    assertThat(new Backoff(POLICY, () -> 0.5).delay(1, asked), is(Duration.ofMillis(3050)));
  }

  @Test
  void retryAfterBeyondTheMaximumIsCutToIt() {
    assertThat(
        new Backoff(POLICY, () -> 0.0).delay(1, Duration.ofHours(1)), is(Duration.ofSeconds(10)));
  }
}
