package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final VirtualTime time = new VirtualTime();

  private RateLimiter limiter(RateLimit limit) {
    return new RateLimiter(limit, time::nanoTime, time);
  }

  @Test
  void burstGoesOutAtOnceThenRequestsAreSpacedByTheRate() throws Exception {
    RateLimiter limiter = limiter(RateLimit.of(10, 3));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(), is(0L));
    }
    assertThat(limiter.acquire(), is(100L));
    assertThat(limiter.acquire(), is(100L));
    assertThat(time.sleeps(), contains(100L, 100L));
  }

  @Test
  void quietSpellRefillsTheBucketUpToTheBurst() throws Exception {
    RateLimiter limiter = limiter(RateLimit.of(10, 2));
    limiter.acquire();
    limiter.acquire();
    time.advance(Duration.ofSeconds(60));
    assertThat(limiter.acquire(), is(0L));
    assertThat(limiter.acquire(), is(0L));
    assertThat(limiter.acquire(), is(100L));
  }

  @Test
  void each429HalvesTheRateAndEmptiesTheBucket() throws Exception {
    RateLimiter limiter = limiter(RateLimit.of(10, 5));
    limiter.onThrottled();
    assertThat(limiter.currentRate(), closeTo(5, 1e-9));
    assertThat(limiter.acquire(), is(200L));
    limiter.onThrottled();
    assertThat(limiter.currentRate(), closeTo(2.5, 1e-9));
  }

  @Test
  void rateNeverFallsBelowASixtyFourthOfTheConfiguredOne() {
    RateLimiter limiter = limiter(RateLimit.of(64, 1));
    for (int i = 0; i < 20; i++) {
      limiter.onThrottled();
    }
    assertThat(limiter.currentRate(), closeTo(1, 1e-9));
  }

  @Test
  void successesWinTheRateBackAdditivelyUpToTheConfiguredOne() {
    RateLimiter limiter = limiter(RateLimit.of(20, 1));
    limiter.onThrottled();
    limiter.onThrottled();
    assertThat(limiter.currentRate(), closeTo(5, 1e-9));
    limiter.onSuccess();
    assertThat(limiter.currentRate(), closeTo(6, 1e-9));
    limiter.onSuccess();
    assertThat(limiter.currentRate(), closeTo(7, 1e-9));
    for (int i = 0; i < 100; i++) {
      limiter.onSuccess();
    }
    assertThat(limiter.currentRate(), closeTo(20, 1e-9));
  }

  @Test
  void unlimitedNeverWaits() throws Exception {
    RateLimiter limiter = limiter(RateLimit.unlimited());
    for (int i = 0; i < 1000; i++) {
      limiter.acquire();
    }
    limiter.onThrottled();
    assertThat(limiter.acquire(), is(0L));
    assertThat(time.sleeps(), is(empty()));
  }
}
