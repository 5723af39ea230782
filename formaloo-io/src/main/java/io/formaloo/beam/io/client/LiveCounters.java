package io.formaloo.beam.io.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What every client of this JVM has done so far, counted as it happens: requests, 429 answers,
 * retries and time spent throttled, and the adaptive rate now.
 *
 * <p>Beam's metrics reach a pipeline's result only when a bundle commits, which on the Direct
 * runner can be minutes into a long read; these move with every request, so a progress line can
 * tell the truth while the job runs. They are per process: a runner whose workers are other
 * processes (a Flink cluster, Dataflow) counts there, not here, and its committed metrics are the
 * measure. Fixed names and counts only: nothing a request carries is kept.
 */
public final class LiveCounters {
  private static final AtomicLong REQUESTS = new AtomicLong();
  private static final AtomicLong RATE_LIMITED = new AtomicLong();
  private static final AtomicLong RETRIES = new AtomicLong();
  private static final AtomicLong THROTTLED_MILLIS = new AtomicLong();

  private LiveCounters() {}

  /** The counts now. */
  public static Snapshot snapshot() {
    return new Snapshot(
        REQUESTS.get(),
        RATE_LIMITED.get(),
        RETRIES.get(),
        THROTTLED_MILLIS.get(),
        RateControllers.highestRate());
  }

  static void request() {
    REQUESTS.incrementAndGet();
  }

  static void rateLimited() {
    RATE_LIMITED.incrementAndGet();
  }

  static void retry() {
    RETRIES.incrementAndGet();
  }

  static void throttled(long millis) {
    THROTTLED_MILLIS.addAndGet(millis);
  }

  /** The counts at one moment. */
  public static final class Snapshot {
    private final long requests;
    private final long rateLimited;
    private final long retries;
    private final long throttledMillis;
    private final double adaptiveRate;

    Snapshot(
        long requests, long rateLimited, long retries, long throttledMillis, double adaptiveRate) {
      this.requests = requests;
      this.rateLimited = rateLimited;
      this.retries = retries;
      this.throttledMillis = throttledMillis;
      this.adaptiveRate = adaptiveRate;
    }

    /** Requests sent, tries and token requests included. */
    public long requests() {
      return requests;
    }

    /** Answers with status 429. */
    public long rateLimited() {
      return rateLimited;
    }

    /** Requests sent again after a failed try. */
    public long retries() {
      return retries;
    }

    /** Milliseconds spent waiting on the rate or a {@code Retry-After}, summed over threads. */
    public long throttledMillis() {
      return throttledMillis;
    }

    /**
     * The highest rate an adaptive controller of this JVM allows now, in requests per second; NaN
     * when no client adapts.
     */
    public double adaptiveRate() {
      return adaptiveRate;
    }

    /** What happened between {@code earlier} and this one (the rate is this one's). */
    public Snapshot since(Snapshot earlier) {
      return new Snapshot(
          requests - earlier.requests,
          rateLimited - earlier.rateLimited,
          retries - earlier.retries,
          throttledMillis - earlier.throttledMillis,
          adaptiveRate);
    }
  }
}
