package io.formaloo.beam.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The faults the emulator injects, each a setting. Immutable; change them on a running emulator
 * with {@link FormalooEmulator#setFaults(Faults)}.
 *
 * <p>Probabilities are per request, between 0 and 1. Every fault applies to the API paths under
 * {@code /v1.0/}, never to the emulator's own {@code /__emulator/} admin paths.
 */
public final class Faults {

  /** How a 429 answer tells the client when to come back. */
  public enum RetryAfterMode {
    /** {@code Retry-After: <seconds>}. */
    SECONDS,
    /** {@code Retry-After: <RFC 1123 date>}. */
    HTTP_DATE,
    /** No {@code Retry-After} header: the client must back off on its own. */
    ABSENT
  }

  private static final Faults NONE = builder().build();

  private final FaultSettings s;

  private Faults(FaultSettings settings) {
    this.s = settings;
  }

  /** No faults: a healthy, fast, unwrapped API. */
  public static Faults none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder(new FaultSettings());
  }

  public Builder toBuilder() {
    return new Builder(s.copy());
  }

  /** Fixed delay added before every answer. */
  public Duration latency() {
    return s.latency;
  }

  /** Upper bound of a uniformly random delay added on top of {@link #latency()}. */
  public Duration latencyJitter() {
    return s.latencyJitter;
  }

  /** Requests per second the whole API accepts before answering 429; 0 means unlimited. */
  public double rateLimitPerSecond() {
    return s.rateLimitPerSecond;
  }

  public RetryAfterMode retryAfterMode() {
    return s.retryAfterMode;
  }

  /** Probability of answering 500, 502 or 503 without doing the work. */
  public double errorRate() {
    return s.errorRate;
  }

  /** Probability of dropping the connection mid-answer without doing the work. */
  public double dropRate() {
    return s.dropRate;
  }

  /**
   * Probability of doing the work (committing a write), then dropping the connection mid-answer.
   */
  public double dropAfterCommitRate() {
    return s.dropAfterCommitRate;
  }

  /** Probability that a batch import job ends {@code failed} without importing any row. */
  public double batchJobFailureRate() {
    return s.batchJobFailureRate;
  }

  /** Whether every answer is wrapped as {@code {"status", "errors", "data"}}. */
  public boolean envelope() {
    return s.envelope;
  }

  /** Customers or activities inserted before each answer to a list of them (page shifting). */
  public int insertsPerListRequest() {
    return s.insertsPerListRequest;
  }

  /** Customers or activities deleted before each answer to a list of them (page shifting). */
  public int deletesPerListRequest() {
    return s.deletesPerListRequest;
  }

  /** How the lists change while they are read, beyond the whole inserts and deletes above. */
  public Churn churn() {
    return s.churn;
  }

  /**
   * The page size every list answer has whatever the request's {@code page_size} asks for, as a
   * server that does not honour the parameter; 0 honours it (up to the configured maximum).
   */
  public int serverPageSize() {
    return s.serverPageSize;
  }

  /** The page number of every list that answers 500 to every request; 0 for none. */
  public int failingPage() {
    return s.failingPage;
  }

  /**
   * How many requests are answered as usual, counted from when these faults were set, before every
   * later one is answered 503: a service that goes down in the middle of a job. 0 for never.
   */
  public long failAfterRequests() {
    return s.failAfterRequests;
  }

  /** The hostile answer every successful {@code GET} of the API gets; {@code NONE} by default. */
  public HostileAnswer hostileAnswer() {
    return s.hostileAnswer;
  }

  /** The {@code count} list pages answer under {@link HostileAnswer#WRONG_COUNT}; else 0. */
  public long hostileCount() {
    return s.hostileCount;
  }

  /**
   * The base URL ({@code http://host:port/v1.0}) of the other host that {@link
   * HostileAnswer#FOREIGN_NEXT} links and {@link HostileAnswer#FOREIGN_REDIRECT} redirects to; else
   * null.
   */
  public String foreignBaseUrl() {
    return s.foreignBaseUrl;
  }

  /**
   * The e-mail address of the customer whose writes are slow while others are written ({@link
   * Builder#slowCustomer}), lower case; else null.
   */
  public String slowCustomer() {
    return s.slowCustomer;
  }

  /** How many writes of other customers a write of {@link #slowCustomer()} waits for. */
  public int slowCustomerUntilOthers() {
    return s.slowCustomerUntilOthers;
  }

  /** The longest either wait of {@link Builder#slowCustomer} lasts. */
  public Duration slowCustomerMaxWait() {
    return s.slowCustomerMaxWait;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Faults && s.equals(((Faults) o).s);
  }

  @Override
  public int hashCode() {
    return s.hashCode();
  }

  @Override
  public String toString() {
    return s.toString();
  }

  /** Builds {@link Faults}; every setting starts off (no fault). */
  public static final class Builder {
    private final FaultSettings s;

    private Builder(FaultSettings settings) {
      this.s = settings;
    }

    public Builder latency(Duration fixed, Duration jitter) {
      s.latency = nonNegative("latency", fixed);
      s.latencyJitter = nonNegative("latency jitter", jitter);
      return this;
    }

    public Builder rateLimit(double requestsPerSecond, RetryAfterMode retryAfter) {
      if (!(requestsPerSecond >= 0)) {
        throw new IllegalArgumentException(
            "rate limit must be >= 0 requests per second (0 = unlimited), got "
                + requestsPerSecond);
      }
      s.rateLimitPerSecond = requestsPerSecond;
      s.retryAfterMode = Objects.requireNonNull(retryAfter, "retryAfter");
      return this;
    }

    public Builder errorRate(double probability) {
      s.errorRate = probability("errorRate", probability);
      return this;
    }

    public Builder dropRate(double probability) {
      s.dropRate = probability("dropRate", probability);
      return this;
    }

    public Builder dropAfterCommitRate(double probability) {
      s.dropAfterCommitRate = probability("dropAfterCommitRate", probability);
      return this;
    }

    public Builder batchJobFailureRate(double probability) {
      s.batchJobFailureRate = probability("batchJobFailureRate", probability);
      return this;
    }

    public Builder envelope(boolean envelope) {
      s.envelope = envelope;
      return this;
    }

    public Builder insertsPerListRequest(int count) {
      s.insertsPerListRequest = nonNegative("insertsPerListRequest", count);
      return this;
    }

    public Builder deletesPerListRequest(int count) {
      s.deletesPerListRequest = nonNegative("deletesPerListRequest", count);
      return this;
    }

    /** How the lists change while they are read: per request, per second, in bursts. */
    public Builder churn(Churn churn) {
      s.churn = Objects.requireNonNull(churn, "churn");
      return this;
    }

    /** Answers every request for page {@code page} of a list with a 500; 0 for none. */
    public Builder failingPage(int page) {
      s.failingPage = nonNegative("failingPage", page);
      return this;
    }

    /**
     * Answers the first {@code requests} requests from now on as usual and every one after them
     * with a 503, token requests included; 0 turns it off.
     */
    public Builder failAfterRequests(long requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("failAfterRequests must not be negative: " + requests);
      }
      s.failAfterRequests = requests;
      return this;
    }

    /** Answers every list with pages of {@code size}, ignoring {@code page_size}; 0 honours it. */
    public Builder serverPageSize(int size) {
      s.serverPageSize = nonNegative("serverPageSize", size);
      return this;
    }

    /**
     * A hostile answer that needs no setting of its own (see {@link HostileAnswer}); {@code NONE}
     * turns hostile answers off.
     *
     * @throws IllegalArgumentException for {@code WRONG_COUNT}, {@code FOREIGN_NEXT} and {@code
     *     FOREIGN_REDIRECT}: use {@link #wrongCount}, {@link #foreignNext}, {@link
     *     #foreignRedirect}
     */
    public Builder hostileAnswer(HostileAnswer answer) {
      Objects.requireNonNull(answer, "hostileAnswer");
      switch (answer) {
        case WRONG_COUNT:
          throw new IllegalArgumentException("hostileAnswer WRONG_COUNT needs a count: wrongCount");
        case FOREIGN_NEXT:
        case FOREIGN_REDIRECT:
          throw new IllegalArgumentException(
              "hostileAnswer " + answer + " needs a foreign base URL: foreignNext/foreignRedirect");
        default:
          return hostile(answer, 0, null);
      }
    }

    /**
     * {@link HostileAnswer#WRONG_COUNT}: every list page answers {@code count} (absurdly large, or
     * negative) whatever the list holds.
     */
    public Builder wrongCount(long count) {
      return hostile(HostileAnswer.WRONG_COUNT, count, null);
    }

    /** {@link HostileAnswer#FOREIGN_NEXT}: {@code next} links lead to {@code foreignBaseUrl}. */
    public Builder foreignNext(String foreignBaseUrl) {
      return hostile(HostileAnswer.FOREIGN_NEXT, 0, baseUrl(foreignBaseUrl));
    }

    /**
     * {@link HostileAnswer#FOREIGN_REDIRECT}: every {@code GET} redirects to {@code
     * foreignBaseUrl}.
     */
    public Builder foreignRedirect(String foreignBaseUrl) {
      return hostile(HostileAnswer.FOREIGN_REDIRECT, 0, baseUrl(foreignBaseUrl));
    }

    /**
     * A customer whose writes are slow while others are written, as a record waiting out a slow
     * answer or a backoff is: a {@code POST /customers/} for {@code email} is done and answered
     * only once {@code untilOthers} writes ({@code POST /customers/}) of other customers have been
     * answered since the first write of {@code email} arrived; and a write of another customer that
     * arrives before that first one waits for it. Either wait ends after {@code maxWait} whatever
     * happened. A writer that keeps the others in flight while one waits passes both waits at once;
     * one that sends a request only after the previous one was answered waits {@code maxWait} at
     * each. {@code email} null turns it off.
     */
    public Builder slowCustomer(String email, int untilOthers, Duration maxWait) {
      if (email == null) {
        s.slowCustomer = null;
        s.slowCustomerUntilOthers = 0;
        s.slowCustomerMaxWait = Duration.ZERO;
        return this;
      }
      s.slowCustomer = email.toLowerCase(Locale.ROOT);
      s.slowCustomerUntilOthers = nonNegative("slowCustomer untilOthers", untilOthers);
      s.slowCustomerMaxWait = nonNegative("slowCustomer maxWait", maxWait);
      return this;
    }

    private Builder hostile(HostileAnswer answer, long count, String foreignBaseUrl) {
      s.hostileAnswer = answer;
      s.hostileCount = count;
      s.foreignBaseUrl = foreignBaseUrl;
      return this;
    }

    private static String baseUrl(String url) {
      if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new IllegalArgumentException(
            "foreignBaseUrl must be an absolute http(s) URL, got " + url);
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Faults build() {
      // A copy, so that the builder may go on without changing what it built.
      return new Faults(s.copy());
    }

    private static double probability(String name, double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
      }
      return p;
    }

    private static int nonNegative(String name, int n) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, got " + n);
      }
      return n;
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
