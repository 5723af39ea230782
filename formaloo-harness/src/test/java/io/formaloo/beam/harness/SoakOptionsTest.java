package io.formaloo.beam.harness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The soak's command line: the pipelines' dialect, with the soak's own options. */
class SoakOptionsTest {
  @Test
  void optionsBecomeTheSettingsAndTheRequestBoundFollowsTheRecords() {
    Soak.Settings s =
        Soak.Settings.parse(
            new String[] {"--customers=1000", "--activities=2000", "--timeLimitMinutes=3"});

    assertThat(s.customers(), is(1000));
    assertThat(s.activities(), is(2000));
    assertThat(s.timeLimit(), is(Duration.ofMinutes(3)));
    assertThat(s.maxRequests(), is(3L * 3000 / 2 + 10_000));
    assertThat(s.seed(), is(7L));
  }

  @Test
  void anUnknownOptionIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Soak.Settings.parse(new String[] {"--nope=1"}));
    assertThat(e.getMessage(), containsString("nope"));
  }

  @Test
  void aValueOutOfRangeNamesItsOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Soak.Settings.parse(new String[] {"--customers=0"}));
    assertThat(e.getMessage(), containsString("--customers must be a whole number of at least 1"));
  }
}
