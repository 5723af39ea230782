package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

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
    time.advance(Duration.ofSeconds(1));
    limiter.onThrottled();
    assertThat(limiter.currentRate(), closeTo(2.5, 1e-9));
  }

  @Test
  void the429sOfOneOverflowingWindowHalveTheRateOnce() {
    RateLimiter limiter = limiter(RateLimit.of(40, 1));
    for (int i = 0; i < 10; i++) {
      limiter.onThrottled();
      time.advance(Duration.ofMillis(50));
    }
    assertThat(limiter.currentRate(), closeTo(20, 1e-9));
    time.advance(Duration.ofMillis(500));
    limiter.onThrottled();
    assertThat(limiter.currentRate(), closeTo(10, 1e-9));
  }

  @Test
  void aWaiterFollowsTheRateAsItRecoversInsteadOfAWaitComputedWhenItWasLow() throws Exception {
    RateLimiter limiter = limiter(RateLimit.of(64, 1));
    for (int i = 0; i < 6; i++) {
      limiter.onThrottled();
      time.advance(Duration.ofSeconds(1));
    }
    assertThat(limiter.currentRate(), closeTo(1, 1e-9));
    limiter.acquire();
    // At 1 request/s the next permit is a second away; while the caller waits, other requests
    // succeed and the rate recovers. The caller goes as soon as it looks again, not a second on.
    time.onSleep(
        n -> {
          for (int i = 0; i < 20; i++) {
            limiter.onSuccess();
          }
        });
    long waited = limiter.acquire();
    assertThat(limiter.currentRate(), closeTo(64, 1e-9));
    // One sleep of at most MAX_SLEEP_MILLIS, then at most one permit's time at the new rate.
    assertThat(waited, lessThanOrEqualTo(RateLimiter.MAX_SLEEP_MILLIS + 1000 / 64 + 1));
  }

  @Test
  void rateNeverFallsBelowASixtyFourthOfTheConfiguredOne() {
    RateLimiter limiter = limiter(RateLimit.of(64, 1));
    for (int i = 0; i < 20; i++) {
      limiter.onThrottled();
      time.advance(Duration.ofSeconds(1));
    }
    assertThat(limiter.currentRate(), closeTo(1, 1e-9));
  }

  @Test
  void successesWinTheRateBackAdditivelyUpToTheConfiguredOne() {
    RateLimiter limiter = limiter(RateLimit.of(20, 1));
    limiter.onThrottled();
    time.advance(Duration.ofSeconds(1));
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
