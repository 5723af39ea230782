package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAreADelay() {
    assertThat(RetryAfter.parse("7", NOW), is(Optional.of(Duration.ofSeconds(7))));
  }

  @Test
  void httpDateIsTheTimeUntilThen() {
    assertThat(
        RetryAfter.parse("Fri, 27 Nov 2026 10:00:42 GMT", NOW),
        is(Optional.of(Duration.ofSeconds(42))));
  }

  @Test
  void dateInThePastAsksForNoWait() {
    assertThat(
        RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", NOW), is(Optional.of(Duration.ZERO)));
  }

  @Test
  void absentOrUnreadableHeaderIsIgnored() {
    assertThat(RetryAfter.parse(null, NOW), is(Optional.empty()));
    assertThat(RetryAfter.parse(" ", NOW), is(Optional.empty()));
    assertThat(RetryAfter.parse("soon", NOW), is(Optional.empty()));
    assertThat(RetryAfter.parse("-3", NOW), is(Optional.empty()));
  }
}
