package io.formaloo.beam.emulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How to start a {@link FormalooEmulator}: where it listens, its credentials, its seed data and its
 * faults. Every setting has a default that suits a test: loopback on a free port, fixed
 * credentials, an empty business, no faults.
 */
public final class EmulatorConfig {

  private final String host;
  private final int port;
  private final String apiKey;
  private final String apiSecret;
  private final String business;
  private final String businessParameter;
  private final Duration tokenLifetime;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final long seed;
  private final int seedCustomers;
  private final int seedActivities;
  private final LocalDate seedFrom;
  private final LocalDate seedTo;
  private final Duration batchStepDelay;
  private final BatchImportAnswer batchImportAnswer;
  private final String rejectedEmailDomain;
  private final int threads;
  private final int requestLogCapacity;
  private final Faults faults;

  private EmulatorConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.apiKey = b.apiKey;
    this.apiSecret = b.apiSecret;
    this.business = b.business;
    this.businessParameter = b.businessParameter;
    this.tokenLifetime = b.tokenLifetime;
    this.defaultPageSize = b.defaultPageSize;
    this.maxPageSize = b.maxPageSize;
    this.seed = b.seed;
    this.seedCustomers = b.seedCustomers;
    this.seedActivities = b.seedActivities;
    this.seedFrom = b.seedFrom;
    this.seedTo = b.seedTo;
    this.batchStepDelay = b.batchStepDelay;
    this.batchImportAnswer = b.batchImportAnswer;
    this.rejectedEmailDomain = b.rejectedEmailDomain;
    this.threads = b.threads;
    this.requestLogCapacity = b.requestLogCapacity;
    this.faults = b.faults;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: an empty business on a free loopback port. */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String apiKey() {
    return apiKey;
  }

  public String apiSecret() {
    return apiSecret;
  }

  public String business() {
    return business;
  }

  public String businessParameter() {
    return businessParameter;
  }

  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  public int defaultPageSize() {
    return defaultPageSize;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  public long seed() {
    return seed;
  }

  public int seedCustomers() {
    return seedCustomers;
  }

  public int seedActivities() {
    return seedActivities;
  }

  public LocalDate seedFrom() {
    return seedFrom;
  }

  public LocalDate seedTo() {
    return seedTo;
  }

  public Duration batchStepDelay() {
    return batchStepDelay;
  }

  public BatchImportAnswer batchImportAnswer() {
    return batchImportAnswer;
  }

  /** The e-mail domain whose customers the server refuses, or null for none. */
  public String rejectedEmailDomain() {
    return rejectedEmailDomain;
  }

  public int threads() {
    return threads;
  }

  public int requestLogCapacity() {
    return requestLogCapacity;
  }

  public Faults faults() {
    return faults;
  }

  /** Builds an {@link EmulatorConfig}; each setter checks its argument and names it when wrong. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private String apiKey = "emulator-api-key";
    private String apiSecret = "emulator-api-secret";
    private String business = "emulator-business";
    private String businessParameter = "active_business";
    private Duration tokenLifetime = Duration.ofSeconds(30);
    private int defaultPageSize = 10;
    private int maxPageSize = 100;
    private long seed = 1L;
    private int seedCustomers;
    private int seedActivities;
    private LocalDate seedFrom = LocalDate.of(2026, 1, 1);
    private LocalDate seedTo = LocalDate.of(2026, 11, 1);
    private Duration batchStepDelay = Duration.ofMillis(20);
    private BatchImportAnswer batchImportAnswer = BatchImportAnswer.ROW_INDEXED;
    private String rejectedEmailDomain;
    private int threads = 16;
    private int requestLogCapacity = 100_000;
    private Faults faults = Faults.none();

    private Builder() {}

    /** The address to listen on; loopback by default. */
    public Builder host(String host) {
      this.host = notBlank("host", host);
      return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = notBlank("apiKey", apiKey);
      return this;
    }

    public Builder apiSecret(String apiSecret) {
      this.apiSecret = notBlank("apiSecret", apiSecret);
      return this;
    }

    /** The slug of the one business the credentials give access to. */
    public Builder business(String business) {
      this.business = notBlank("business", business);
      return this;
    }

    /** The query parameter that names the business ({@code active_business} as documented). */
    public Builder businessParameter(String name) {
      this.businessParameter = notBlank("businessParameter", name);
      return this;
    }

    /** How long an issued token stays valid; 30 s as documented. */
    public Builder tokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "tokenLifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, got " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** The page size the server chooses when the client does not ask; 10 as documented. */
    public Builder defaultPageSize(int size) {
      this.defaultPageSize = positive("defaultPageSize", size);
      return this;
    }

    /** The largest {@code page_size} the server honours; larger requests are cut to it. */
    public Builder maxPageSize(int size) {
      this.maxPageSize = positive("maxPageSize", size);
      return this;
    }

    /** The seed that makes the generated data, and the faults' dice, reproducible. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder seedCustomers(int count) {
      this.seedCustomers = nonNegative("seedCustomers", count);
      return this;
    }

    public Builder seedActivities(int count) {
      this.seedActivities = nonNegative("seedActivities", count);
      return this;
    }

    /** The days, from inclusive to exclusive, over which seeded records are dated. */
    public Builder seedDates(LocalDate from, LocalDate to) {
      Objects.requireNonNull(from, "seedFrom");
      Objects.requireNonNull(to, "seedTo");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException(
            "seedDates: from (" + from + ") must be before to (" + to + ")");
      }
      this.seedFrom = from;
      this.seedTo = to;
      return this;
    }

    /** How long a batch import job stays in each of new, queued and in_progress. */
    public Builder batchStepDelay(Duration delay) {
      Objects.requireNonNull(delay, "batchStepDelay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("batchStepDelay must not be negative, got " + delay);
      }
      this.batchStepDelay = delay;
      return this;
    }

    /** How an imported batch job reports its rows; {@code ROW_INDEXED} by default. */
    public Builder batchImportAnswer(BatchImportAnswer answer) {
      this.batchImportAnswer = Objects.requireNonNull(answer, "batchImportAnswer");
      return this;
    }

    /**
     * Refuses, on the server, every customer with an e-mail address at {@code domain} (e.g. {@code
     * blocked.example}): {@code POST /customers/} and {@code PATCH} answer 400, a batch import
     * fails the row. A rule no client can check in advance.
     */
    public Builder rejectEmailDomain(String domain) {
      String d = notBlank("rejectEmailDomain", domain);
      if (d.contains("@")) {
        throw new IllegalArgumentException("rejectEmailDomain takes a domain, got " + d);
      }
      this.rejectedEmailDomain = d;
      return this;
    }

    /** Threads that serve requests concurrently. */
    public Builder threads(int threads) {
      this.threads = positive("threads", threads);
      return this;
    }

    /** How many of the most recent requests the request log keeps. */
    public Builder requestLogCapacity(int capacity) {
      this.requestLogCapacity = positive("requestLogCapacity", capacity);
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public EmulatorConfig build() {
      if (seedActivities > 0 && seedCustomers == 0) {
        throw new IllegalArgumentException(
            "seedActivities needs seedCustomers > 0: every activity belongs to a customer");
      }
      if (defaultPageSize > maxPageSize) {
        throw new IllegalArgumentException(
            "defaultPageSize ("
                + defaultPageSize
                + ") must not exceed maxPageSize ("
                + maxPageSize
                + ")");
      }
      return new EmulatorConfig(this);
    }

    private static String notBlank(String name, String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static int positive(String name, int n) {
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + n);
      }
      return n;
    }

    private static int nonNegative(String name, int n) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, got " + n);
      }
      return n;
    }
  }
}
