package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
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
  void noCeilingNeverWaits() throws Exception {
    RateLimiter limiter = limiter(RateLimit.adaptive());
    for (int i = 0; i < 1000; i++) {
      limiter.acquire();
    }
    assertThat(limiter.acquire(), is(0L));
    assertThat(time.sleeps(), is(empty()));
  }
}
