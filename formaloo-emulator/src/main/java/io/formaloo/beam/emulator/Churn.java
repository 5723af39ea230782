package io.formaloo.beam.emulator;

import java.util.Objects;

/**
 * How the customers and activities change while they are listed, as the live service's do: new
 * records enter at the head of the newest-first lists, deleted ones leave from anywhere. Changes
 * happen before a list answer is served, at three rates that add up:
 *
 * <ul>
 *   <li><b>per list request</b>: fractions accumulate, so {@code 0.1} inserts one record every ten
 *       requests;
 *   <li><b>per second</b> of wall time, applied at each list answer for the time since the last;
 *   <li><b>bursts</b>: every {@code n}-th list request, many at once.
 * </ul>
 *
 * Each list (customers, activities) keeps its own count of requests and fractions.
 */
public final class Churn {
  private static final Churn NONE = builder().build();

  private final double insertsPerRequest;
  private final double deletesPerRequest;
  private final double insertsPerSecond;
  private final double deletesPerSecond;
  private final int burstEvery;
  private final int burstInserts;
  private final int burstDeletes;

  private Churn(Builder b) {
    this.insertsPerRequest = b.insertsPerRequest;
    this.deletesPerRequest = b.deletesPerRequest;
    this.insertsPerSecond = b.insertsPerSecond;
    this.deletesPerSecond = b.deletesPerSecond;
    this.burstEvery = b.burstEvery;
    this.burstInserts = b.burstInserts;
    this.burstDeletes = b.burstDeletes;
  }

  public static Churn none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isNone() {
    return equals(NONE);
  }

  public double insertsPerRequest() {
    return insertsPerRequest;
  }

  public double deletesPerRequest() {
    return deletesPerRequest;
  }

  public double insertsPerSecond() {
    return insertsPerSecond;
  }

  public double deletesPerSecond() {
    return deletesPerSecond;
  }

  /** Every how many list requests a burst comes; 0 for none. */
  public int burstEvery() {
    return burstEvery;
  }

  public int burstInserts() {
    return burstInserts;
  }

  public int burstDeletes() {
    return burstDeletes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Churn)) {
      return false;
    }
    Churn c = (Churn) o;
    return insertsPerRequest == c.insertsPerRequest
        && deletesPerRequest == c.deletesPerRequest
        && insertsPerSecond == c.insertsPerSecond
        && deletesPerSecond == c.deletesPerSecond
        && burstEvery == c.burstEvery
        && burstInserts == c.burstInserts
        && burstDeletes == c.burstDeletes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        insertsPerRequest,
        deletesPerRequest,
        insertsPerSecond,
        deletesPerSecond,
        burstEvery,
        burstInserts,
        burstDeletes);
  }

  @Override
  public String toString() {
    return "Churn{perRequest="
        + insertsPerRequest
        + "+/"
        + deletesPerRequest
        + "-, perSecond="
        + insertsPerSecond
        + "+/"
        + deletesPerSecond
        + "-"
        + (burstEvery > 0
            ? ", every " + burstEvery + " requests " + burstInserts + "+/" + burstDeletes + "-"
            : "")
        + "}";
  }

  /** Builds a {@link Churn}; no change by default. */
  public static final class Builder {
    private double insertsPerRequest;
    private double deletesPerRequest;
    private double insertsPerSecond;
    private double deletesPerSecond;
    private int burstEvery;
    private int burstInserts;
    private int burstDeletes;

    private Builder() {}

    /** Records inserted and deleted before each list answer; fractions accumulate. */
    public Builder perRequest(double inserts, double deletes) {
      this.insertsPerRequest = rate("inserts per request", inserts);
      this.deletesPerRequest = rate("deletes per request", deletes);
      return this;
    }

    /** Records inserted and deleted per second of wall time, applied at each list answer. */
    public Builder perSecond(double inserts, double deletes) {
      this.insertsPerSecond = rate("inserts per second", inserts);
      this.deletesPerSecond = rate("deletes per second", deletes);
      return this;
    }

    /** Every {@code everyRequests}-th list request, {@code inserts} and {@code deletes} at once. */
    public Builder bursts(int everyRequests, int inserts, int deletes) {
      if (everyRequests < 1 || inserts < 0 || deletes < 0) {
        throw new IllegalArgumentException(
            "bursts(everyRequests, inserts, deletes): every must be positive and the counts not"
                + " negative");
      }
      this.burstEvery = everyRequests;
      this.burstInserts = inserts;
      this.burstDeletes = deletes;
      return this;
    }

    public Churn build() {
      return new Churn(this);
    }

    private static double rate(String what, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
      }
      return value;
    }
  }
}
