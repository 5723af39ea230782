package io.formaloo.beam.io.client;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.util.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the API's request rate instead of guessing it, the way congestion control does (TCP; the
 * AWS SDKs' adaptive retry mode): a token bucket whose rate starts at {@value #INITIAL_RATE}
 * requests/s and changes once per window of {@value #WINDOW_MILLIS} ms ({@value
 * #SLOW_START_WINDOW_MILLIS} ms in slow start).
 *
 * <ul>
 *   <li><b>Slow start.</b> Until the first 429, a window whose requests were held back by the rate,
 *       took at least half of it and drew no 429 doubles it: the limit is found in a few seconds,
 *       whatever it is.
 *   <li><b>Cut.</b> A 429 cuts the rate to {@value #DECREASE_FACTOR} of what was really delivered
 *       (the successes of the last second, if fewer than the rate: a rate far above what the server
 *       let through says nothing about its limit; at the end of slow start, the rate before the
 *       last doubling, which went through whole, probed above at once in steps from {@value
 *       #SLOW_START_PROBE_FRACTION} of it). It remembers that as the limit found.
 *   <li><b>Recovery.</b> Each healthy window adds {@value #CLIMB_FRACTION} of the limit found, up
 *       to {@value #HOLD_FRACTION} of it (the limit found is the rate that overflowed, a little
 *       above the real one). There it holds for a number of windows, then probes above by a step
 *       that starts at 1% and doubles each window, up to {@value #MAX_PROBE_FRACTION} of the rate
 *       until it is {@value #ROSE_FACTOR} times the limit found, so that a limit that did not move
 *       is not overrun far and one that rose is found quickly. The hold starts at {@value
 *       #MIN_HOLD_WINDOWS} windows and doubles, up to {@value #MAX_HOLD_WINDOWS}, each time a probe
 *       finds the limit where it was: a 429 costs the refused request its {@code Retry-After}, and
 *       a stable limit need not be probed often.
 * </ul>
 *
 * <p>A server counts its limit over a window, and every request already sent into an overflowing
 * window is refused together. So one overflow cuts once: a 429 to a request sent before the last
 * cut, or within {@value #COOLDOWN_MILLIS} ms of it, only empties the bucket. A window in which the
 * callers did not use the rate (they never waited for it, or took much less than it allowed,
 * because a ceiling or their own pace held them back) does not raise it: a rate nobody used proves
 * nothing and would only allow a burst later.
 *
 * <p><b>After a 429</b>, nothing more goes out but probes, the first {@value #PROBE_MILLIS} ms
 * after it and each refused probe's next twice as long after (at most {@value #MAX_PROBE_MILLIS}
 * ms), until one sent since succeeds: a server that counts its limit over fixed windows refuses
 * everything until its window ends, and a request refused there waits out its {@code Retry-After}
 * (a whole second, rounded up) and holds its caller; the probes find the new window within {@value
 * #PROBE_MILLIS} ms of its start.
 *
 * <p>Shared by every client of one worker process that talks to one account ({@link
 * RateControllers}), so that reads, writes, shards and threads spend one budget. Thread-safe. A
 * waiting caller takes no permit on credit: it sleeps until one should be there (at most {@value
 * #MAX_SLEEP_MILLIS} ms at a time) and tries again, so it follows the rate as it changes.
 */
final class RateController {
  private static final Logger LOG = LoggerFactory.getLogger(RateController.class);

  static final double INITIAL_RATE = 10;
  static final double MIN_RATE = 0.5;
  static final long WINDOW_MILLIS = 500;

  /**
   * Slow start's windows are shorter: a window's answers come back within a request's latency, and
   * at 500 ms the ramp from {@value #INITIAL_RATE} to 200 requests/s took 2.5 s, a tenth of a
   * 30-second read at that limit.
   */
  static final long SLOW_START_WINDOW_MILLIS = 250;

  static final long COOLDOWN_MILLIS = 1000;
  static final double DECREASE_FACTOR = 0.9;
  static final double CLIMB_FRACTION = 0.02;
  static final double SLOW_START_FACTOR = 2;
  static final double PROBE_FRACTION = 0.01;

  /**
   * The first probe step after slow start: the limit is then only known to lie between the rate
   * kept and twice it, and a probe that starts at 1% there spent seconds at half the limit.
   */
  static final double SLOW_START_PROBE_FRACTION = 0.05;

  /**
   * A probe step grows to at most this share of the rate per window: a rate that doubled its way
   * far past the limit (one of 200 went to 363 in a second) overflows by more than the limit, and
   * the successes of a second that straddles two of the server's windows then overstate it, so that
   * the next cut is too shallow and a second 429 follows.
   */
  static final double MAX_PROBE_FRACTION = 0.08;

  /** A rate this far above the limit found without a 429 says the limit rose. */
  static final double ROSE_FACTOR = 1.25;

  static final double HOLD_FRACTION = 0.97;
  static final int MIN_HOLD_WINDOWS = 4;
  static final int MAX_HOLD_WINDOWS = 60;
  private static final double SAME_LIMIT = 0.1;
  static final long MAX_SLEEP_MILLIS = 250;
  static final long PROBE_MILLIS = 50;
  static final long MAX_PROBE_MILLIS = 400;

  /** A window whose callers took less than this share of the rate did not need more. */
  private static final double USED_FRACTION = 0.9;

  /** The same share in slow start, where a missed doubling costs most (see {@code advance}). */
  private static final double SLOW_START_USED_FRACTION = 0.5;

  /**
   * Bursts after a quiet spell are a fiftieth of a second's requests, at least one: the rate is
   * held at {@value #HOLD_FRACTION} of the limit found, and a server that counts its limit over
   * fixed windows refuses whatever a burst adds above the rest: a burst of a tenth of a second (as
   * this once had) overflowed a window after every stall, and the 429s it drew stalled the callers
   * again, every two seconds.
   */
  private static final double BURST_SECONDS = 0.02;

  static final double MIN_BURST = 1;

  /**
   * What may go at once at the start: a pipeline that starts checks its credentials and plans its
   * reads with a handful of requests.
   */
  static final double START_BURST = 5;

  /** Successes are counted in slots of 100 ms over the last second. */
  private static final long SLOT_NANOS = 100_000_000L;

  private static final int SLOTS = 10;

  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final long created;

  private double rate = INITIAL_RATE;
  private double permits = START_BURST;
  private long lastRefill;

  private long windowStart;
  private long takenInWindow;
  private boolean heldBackInWindow;
  private boolean succeededInWindow;
  private boolean throttledInWindow;

  /** The delivered rate at the last cut: the limit found; NaN before the first 429. */
  private double limitFound = Double.NaN;

  private double probeStep;
  private int holdWindows = MIN_HOLD_WINDOWS;
  private int heldWindows;
  private long lastCut;
  private long cuts;

  /** After a 429: only probes go out, one per {@link #PROBE_MILLIS}, until one succeeds. */
  private boolean probing;

  private long probingSince;
  private long nextProbe;
  private long probeMillis = PROBE_MILLIS;

  private final long[] slotIds = new long[SLOTS];
  private final long[] slotSuccesses = new long[SLOTS];

  RateController(LongSupplier nanoTime, Sleeper sleeper) {
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.created = nanoTime.getAsLong();
    this.lastRefill = created;
    this.windowStart = created;
    this.lastCut = created - COOLDOWN_MILLIS * 1_000_000L;
    Arrays.fill(slotIds, Long.MIN_VALUE);
  }

  /**
   * Waits until the shared rate lets a request go out.
   *
   * @return how long it waited, in milliseconds
   */
  long acquire() throws InterruptedException {
    long waited = 0;
    for (long waitNanos = tryTake(); waitNanos > 0; waitNanos = tryTake()) {
      long millis = Math.min(MAX_SLEEP_MILLIS, (waitNanos + 999_999) / 1_000_000);
      sleeper.sleep(millis);
      waited += millis;
    }
    return waited;
  }

  private synchronized long tryTake() {
    long now = nanoTime.getAsLong();
    advance(now);
    if (probing) {
      if (now < nextProbe) {
        heldBackInWindow = true;
        return nextProbe - now;
      }
      nextProbe = now + probeMillis * 1_000_000L;
      takenInWindow++;
      return 0;
    }
    if (permits >= 1) {
      permits -= 1;
      takenInWindow++;
      return 0;
    }
    heldBackInWindow = true;
    return Math.max(1, (long) ((1 - permits) / rate * 1e9));
  }

  /** A request sent at {@code sentAtNanos} succeeded. */
  synchronized void onSuccess(long sentAtNanos) {
    long now = nanoTime.getAsLong();
    advance(now);
    if (probing && sentAtNanos >= probingSince) {
      probing = false; // the server takes requests again (an older one's success says nothing)
      permits = Math.min(permits, 0);
    }
    succeededInWindow = true;
    long slot = Math.floorDiv(now, SLOT_NANOS);
    int i = (int) Math.floorMod(slot, (long) SLOTS);
    if (slotIds[i] != slot) {
      slotIds[i] = slot;
      slotSuccesses[i] = 0;
    }
    slotSuccesses[i]++;
  }

  /**
   * The server answered 429 to a request sent at {@code sentAtNanos}: cut the rate, unless this
   * overflow was already answered by a cut.
   */
  synchronized void onThrottled(long sentAtNanos) {
    long now = nanoTime.getAsLong();
    advance(now);
    throttledInWindow = true;
    permits = Math.min(permits, 0);
    if (!probing || sentAtNanos >= probingSince) {
      // A refusal of a request sent before probing began is of the same overflow: no new wait. A
      // probe refused waits twice as long for the next: the server's window may be far from over.
      probeMillis = probing ? Math.min(MAX_PROBE_MILLIS, 2 * probeMillis) : PROBE_MILLIS;
      probing = true;
      probingSince = now;
      nextProbe = now + probeMillis * 1_000_000L;
    }
    if (sentAtNanos < lastCut || now - lastCut < COOLDOWN_MILLIS * 1_000_000L) {
      return;
    }
    double delivered = deliveredRate(now);
    double base = delivered > 0 ? Math.min(rate, delivered) : rate;
    double previous = limitFound;
    if (Double.isNaN(limitFound)) {
      // The end of slow start: the rate before the last doubling went through whole, this one did
      // not, so go back to that one and probe from there. (What was delivered overstates the limit
      // of a server that counts per second: the last second straddles two of its windows.)
      // The limit lies between this rate and twice it: probe from here at once, in larger steps.
      limitFound = Math.max(MIN_RATE, Math.min(base, rate / SLOW_START_FACTOR));
      rate = Math.max(MIN_RATE, limitFound * DECREASE_FACTOR);
      probeStep = limitFound * SLOW_START_PROBE_FRACTION;
      heldWindows = holdWindows;
    } else {
      limitFound = Math.max(MIN_RATE, base);
      rate = Math.max(MIN_RATE, base * DECREASE_FACTOR);
      probeStep = limitFound * PROBE_FRACTION;
      // Every 429 stalls the request it refused for its Retry-After, and what waits on that
      // request: a limit found again where it was is probed less and less often; one that moved,
      // soon.
      boolean same =
          !Double.isNaN(previous) && Math.abs(limitFound - previous) <= SAME_LIMIT * previous;
      holdWindows = same ? Math.min(MAX_HOLD_WINDOWS, 2 * holdWindows) : MIN_HOLD_WINDOWS;
      heldWindows = 0;
    }
    lastCut = now;
    cuts++;
    LOG.debug(
        "429: rate cut to {} requests/s (delivered {}/s, limit found {}/s)",
        rate,
        delivered,
        limitFound);
  }

  /** The rate now, in requests per second. */
  synchronized double currentRate() {
    return rate;
  }

  /** How many times a 429 has cut the rate. */
  synchronized long cuts() {
    return cuts;
  }

  private void advance(long now) {
    // Refills up to the burst; the start's larger allowance is kept until spent.
    permits = Math.min(Math.max(burst(), permits), permits + (now - lastRefill) / 1e9 * rate);
    lastRefill = now;
    long elapsed = now - windowStart;
    long window = Double.isNaN(limitFound) ? SLOW_START_WINDOW_MILLIS : WINDOW_MILLIS;
    if (elapsed < window * 1_000_000L) {
      return;
    }
    // Used: callers waited for the rate, and took nearly all it allowed. (A caller held back by
    // something else, a ceiling, takes less, and so does a caller that waited once by chance.)
    // In slow start half will do: a read's batches drain before the next begins, so its demand
    // dips within a window while it still wants more than the rate, and a doubling missed there
    // costs a second of the ramp. The first 429 cuts to what was delivered, not to this rate.
    double usedFraction = Double.isNaN(limitFound) ? SLOW_START_USED_FRACTION : USED_FRACTION;
    boolean used = heldBackInWindow && takenInWindow >= usedFraction * rate * elapsed / 1e9;
    if (used && succeededInWindow && !throttledInWindow) {
      raise();
      LOG.debug("rate raised to {} requests/s", rate);
    }
    windowStart = now;
    takenInWindow = 0;
    heldBackInWindow = false;
    succeededInWindow = false;
    throttledInWindow = false;
  }

  private void raise() {
    if (Double.isNaN(limitFound)) {
      rate *= SLOW_START_FACTOR;
      return;
    }
    double target = limitFound * HOLD_FRACTION;
    if (rate < target) {
      rate = Math.min(target, rate + limitFound * CLIMB_FRACTION);
    } else if (heldWindows < holdWindows) {
      heldWindows++;
    } else {
      rate += probeStep;
      // Near the limit found, small steps; well past it without a 429, the limit rose: double.
      double most = rate < ROSE_FACTOR * limitFound ? rate * MAX_PROBE_FRACTION : rate;
      probeStep = Math.min(probeStep * 2, most);
    }
  }

  private double burst() {
    return Math.max(MIN_BURST, rate * BURST_SECONDS);
  }

  /** Successes per second over about the last second (or since creation, if that is shorter). */
  private double deliveredRate(long now) {
    long slot = Math.floorDiv(now, SLOT_NANOS);
    long successes = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slotIds[i] > slot - SLOTS && slotIds[i] <= slot) {
        successes += slotSuccesses[i];
      }
    }
    // The oldest slot counted starts up to a second ago; the current one is partly over.
    long from = Math.max(created, (slot - SLOTS + 1) * SLOT_NANOS);
    return successes / (Math.max(SLOT_NANOS, now - from) / 1e9);
  }
}
