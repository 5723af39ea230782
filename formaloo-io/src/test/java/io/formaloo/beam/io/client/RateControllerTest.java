package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adaptive rate on virtual time, against a simulated server that, like the emulator, refuses
 * every request beyond its limit in each wall-clock second. One caller that always has a request to
 * send stands for many threads: the controller alone decides when requests go out.
 */
class RateControllerTest {
  private final VirtualTime time = new VirtualTime();
  private final RateController controller = new RateController(time::nanoTime, time);

  @Test
  void startsAtASafeRate() throws Exception {
    assertThat(controller.currentRate(), is(RateController.INITIAL_RATE));
    Server server = new Server(Double.POSITIVE_INFINITY);
    run(server, Duration.ofMillis(400));
    // A few at once, then the initial rate.
    assertThat(
        server.ok,
        lessThanOrEqualTo(
            (long) (RateController.START_BURST + RateController.INITIAL_RATE * 0.4) + 1));
  }

  @Test
  void rampsUpWhileAnswersAreHealthy() throws Exception {
    Server server = new Server(Double.POSITIVE_INFINITY);
    run(server, Duration.ofSeconds(3));
    // Doubling each quarter second in slow start: 10, 20, 40, 80, 160, 320, and on.
    assertThat(controller.currentRate(), greaterThanOrEqualTo(320.0));
    assertThat(server.refused, is(0L));
  }

  @Test
  void a429CutsTheRateThenItSettlesUnderTheLimit() throws Exception {
    Server server = new Server(100);
    double before = controller.currentRate();
    while (controller.cuts() == 0) {
      before = controller.currentRate();
      send(server);
    }
    assertThat(
        controller.currentRate(), lessThanOrEqualTo(before * RateController.DECREASE_FACTOR));
    // The probes after the cut wait longer and longer while the server's second is full, so the
    // next overflow, which settles the rate, comes a second or two later.
    // Its probes above the limit then draw a 429 now and then: settled means that on average over
    // the seconds after, the rate is just under the limit.
    run(server, Duration.ofSeconds(4));
    double settled = averageRate(server, Duration.ofSeconds(10));
    assertThat(settled, lessThanOrEqualTo(100.0));
    assertThat(settled, greaterThan(100 * RateController.DECREASE_FACTOR));
  }

  @Test
  void the429sOfOneOverflowCutTheRateOnce() throws Exception {
    controller.onSuccess(time.nanoTime());
    long sentBefore = time.nanoTime();
    time.advance(Duration.ofMillis(10));
    controller.onThrottled(sentBefore);
    double cut = controller.currentRate();
    // Refusals of requests sent before the cut, and any within the cooldown, change nothing.
    controller.onThrottled(sentBefore);
    time.advance(Duration.ofMillis(RateController.COOLDOWN_MILLIS / 2));
    controller.onThrottled(time.nanoTime());
    assertThat(controller.cuts(), is(1L));
    assertThat(controller.currentRate(), is(cut));
    time.advance(Duration.ofMillis(RateController.COOLDOWN_MILLIS));
    controller.onThrottled(time.nanoTime());
    assertThat(controller.cuts(), is(2L));
  }

  @Test
  void afterA429OneProbeGoesOutPerIntervalUntilOneSentSinceSucceeds() throws Exception {
    run(new Server(1000), Duration.ofSeconds(3)); // a high rate: requests a few ms apart
    long refusedAt = time.nanoTime();
    controller.onThrottled(refusedAt);
    long probe = Duration.ofMillis(RateController.PROBE_MILLIS).toNanos();

    controller.acquire();
    long first = time.nanoTime();
    controller.acquire();
    long second = time.nanoTime();
    assertThat(first - refusedAt, greaterThanOrEqualTo(probe));
    assertThat(second - first, greaterThanOrEqualTo(probe));
    // The success of a request sent before the 429 says nothing about the server now.
    controller.onSuccess(refusedAt - 1);
    controller.acquire();
    long third = time.nanoTime();
    assertThat(third - second, greaterThanOrEqualTo(probe));
    // A probe's success ends it: requests go at the (cut) rate again.
    controller.onSuccess(third);
    controller.acquire();
    long fourth = time.nanoTime();
    controller.acquire();
    long fifth = time.nanoTime();
    assertThat(fifth - fourth, lessThan(probe));
  }

  @Test
  void recoversToTheLimitFoundThenProbesAboveIt() throws Exception {
    Server server = new Server(100);
    while (controller.cuts() == 0) {
      send(server);
    }
    server.limit = Double.POSITIVE_INFINITY;
    run(server, Duration.ofSeconds(4));
    assertThat(controller.currentRate(), greaterThanOrEqualTo(0.95 * 100));
    run(server, Duration.ofSeconds(5));
    assertThat(controller.currentRate(), greaterThan(140.0));
  }

  @Test
  void keepsAtLeastNinetyPercentOfALowLimitWithFewRefusals() throws Exception {
    assertKeepsTheLimit(20);
  }

  @Test
  void keepsAtLeastNinetyPercentOfAHighLimitWithFewRefusals() throws Exception {
    assertKeepsTheLimit(200);
  }

  @Test
  void findsALimitThatRoseAgain() throws Exception {
    Server server = new Server(50);
    run(server, Duration.ofSeconds(10));
    server.limit = 200;
    run(server, Duration.ofSeconds(10));
    Server after = new Server(200);
    run(after, Duration.ofSeconds(20));
    assertThat((double) after.ok / 20, greaterThanOrEqualTo(0.85 * 200));
  }

  @Test
  void probesNearTheLimitFoundGoUpInSmallStepsAndFasterOnceWellPastIt() throws Exception {
    Server server = new Server(100);
    run(server, Duration.ofSeconds(10));
    double limitFound = controller.currentRate() / RateController.HOLD_FRACTION;
    server.limit = Double.POSITIVE_INFINITY;
    double largestStepNear = 0;
    double largestStepPast = 0;
    double last = controller.currentRate();
    long end = time.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (time.nanoTime() < end) {
      send(server);
      double now = controller.currentRate();
      if (now != last) {
        double step = now / last - 1;
        if (last < RateController.ROSE_FACTOR * limitFound) {
          largestStepNear = Math.max(largestStepNear, step);
        } else {
          largestStepPast = Math.max(largestStepPast, step);
        }
        last = now;
      }
    }
    // A step is at most 8% of the rate near the limit found (of a rate of 100, the doubling steps
    // went 1, 2, 4, 8, 16: a 429 from 131 had a second that straddled the server's two overstate
    // the limit); well past it, the limit rose, and the steps double again.
    assertThat(largestStepNear, lessThanOrEqualTo(RateController.MAX_PROBE_FRACTION + 1e-9));
    assertThat(largestStepPast, greaterThan(RateController.MAX_PROBE_FRACTION));
    assertThat(controller.currentRate(), greaterThan(4 * limitFound));
  }

  @Test
  void aRateNobodyUsesDoesNotGrow() throws Exception {
    // Callers that send less than the rate allows never wait for it: the rate stays where it was.
    for (int i = 0; i < 100; i++) {
      controller.acquire();
      controller.onSuccess(time.nanoTime());
      time.advance(Duration.ofMillis(200));
    }
    assertThat(controller.currentRate(), is(RateController.INITIAL_RATE));
  }

  @Test
  void aCeilingIsNeverExceededWhateverTheControllerAllows() throws Exception {
    RateLimiter ceiling = new RateLimiter(RateLimit.of(30, 1), time::nanoTime, time);
    Map<Long, Integer> perSecond = new HashMap<>();
    sendUnderCeiling(ceiling, Duration.ofSeconds(10), perSecond);
    double rateAfterTen = controller.currentRate();
    sendUnderCeiling(ceiling, Duration.ofSeconds(10), perSecond);
    for (int count : perSecond.values()) {
      assertThat(count, lessThanOrEqualTo(31));
    }
    // Held back by the ceiling, not by the controller: its rate stops growing. (Slow start doubles
    // a rate that was half used, so it may stop at up to four times what went out.)
    assertThat(controller.currentRate(), is(rateAfterTen));
    assertThat(controller.currentRate(), lessThanOrEqualTo(4 * 30.0));
  }

  private void sendUnderCeiling(
      RateLimiter ceiling, Duration duration, Map<Long, Integer> perSecond) throws Exception {
    long end = time.nanoTime() + duration.toNanos();
    while (time.nanoTime() < end) {
      ceiling.acquire();
      controller.acquire();
      perSecond.merge(time.nanoTime() / 1_000_000_000L, 1, Integer::sum);
      controller.onSuccess(time.nanoTime());
    }
  }

  @Test
  void successesAreWhatACutIsBasedOnNotTheRateAsked() throws Exception {
    // A rate far above what got through: the cut starts from what the server delivered.
    Server server = new Server(40);
    run(server, Duration.ofSeconds(3));
    assertThat(controller.cuts(), greaterThan(0L));
    assertThat(controller.currentRate(), closeTo(40, 40 * 0.35));
  }

  private void assertKeepsTheLimit(double limit) throws Exception {
    Server server = new Server(limit);
    Duration duration = Duration.ofSeconds(60);
    run(server, duration);
    double achieved = server.ok / (duration.toMillis() / 1000.0) / limit;
    double refused = (double) server.refused / (server.ok + server.refused);
    System.out.printf(
        "limit %.0f/s over %d s: %.1f%% of it used, %.2f%% of requests refused%n",
        limit, duration.toSeconds(), 100 * achieved, 100 * refused);
    assertThat("share of the limit used", achieved, greaterThanOrEqualTo(0.9));
    assertThat("share of requests refused", refused, lessThanOrEqualTo(0.03));
  }

  /** The controller's rate, averaged over {@code duration} of virtual time while sending. */
  private double averageRate(Server server, Duration duration) throws Exception {
    long start = time.nanoTime();
    long end = start + duration.toNanos();
    double integral = 0;
    while (time.nanoTime() < end) {
      double rate = controller.currentRate();
      long before = time.nanoTime();
      send(server);
      integral += rate * (time.nanoTime() - before);
    }
    return integral / (time.nanoTime() - start);
  }

  private void run(Server server, Duration duration) throws Exception {
    long end = time.nanoTime() + duration.toNanos();
    while (time.nanoTime() < end) {
      send(server);
    }
  }

  private void send(Server server) throws Exception {
    controller.acquire();
    long sentAt = time.nanoTime();
    if (server.accept(sentAt)) {
      controller.onSuccess(sentAt);
    } else {
      controller.onThrottled(sentAt);
    }
    // Each answer takes a millisecond, so that virtual time always moves on.
    time.advance(Duration.ofMillis(1));
  }

  /** Refuses every request beyond {@code limit} in each second, as the emulator does. */
  private static final class Server {
    double limit;
    long second = -1;
    long inSecond;
    long ok;
    long refused;

    Server(double limit) {
      this.limit = limit;
    }

    boolean accept(long nanos) {
      long s = nanos / 1_000_000_000L;
      if (s != second) {
        second = s;
        inSecond = 0;
      }
      inSecond++;
      if (inSecond <= limit) {
        ok++;
        return true;
      }
      refused++;
      return false;
    }
  }
}
