package io.formaloo.beam.emulator;

import io.formaloo.beam.emulator.Faults.RetryAfterMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The values behind {@link Faults}, with their value semantics (equality, hash, text), in one
 * place: {@link Faults} reads them and its builder writes a copy, so that a new fault setting is a
 * field added here and an accessor and a setter there, not a field copied by hand four times. Every
 * value is immutable, so a shallow copy is a full one.
 */
final class FaultSettings implements Cloneable {
  Duration latency = Duration.ZERO;
  Duration latencyJitter = Duration.ZERO;
  double rateLimitPerSecond;
  RetryAfterMode retryAfterMode = RetryAfterMode.SECONDS;
  double errorRate;
  double dropRate;
  double dropAfterCommitRate;
  double batchJobFailureRate;
  boolean envelope;
  int insertsPerListRequest;
  int deletesPerListRequest;
  Churn churn = Churn.none();
  int serverPageSize;
  int failingPage;
  long failAfterRequests;
  HostileAnswer hostileAnswer = HostileAnswer.NONE;
  long hostileCount;
  String foreignBaseUrl;
  String slowCustomer;
  int slowCustomerUntilOthers;
  Duration slowCustomerMaxWait = Duration.ZERO;

  FaultSettings copy() {
    try {
      return (FaultSettings) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FaultSettings)) {
      return false;
    }
    FaultSettings f = (FaultSettings) o;
    return latency.equals(f.latency)
        && latencyJitter.equals(f.latencyJitter)
        && rateLimitPerSecond == f.rateLimitPerSecond
        && retryAfterMode == f.retryAfterMode
        && errorRate == f.errorRate
        && dropRate == f.dropRate
        && dropAfterCommitRate == f.dropAfterCommitRate
        && batchJobFailureRate == f.batchJobFailureRate
        && envelope == f.envelope
        && insertsPerListRequest == f.insertsPerListRequest
        && deletesPerListRequest == f.deletesPerListRequest
        && churn.equals(f.churn)
        && serverPageSize == f.serverPageSize
        && failingPage == f.failingPage
        && failAfterRequests == f.failAfterRequests
        && hostileAnswer == f.hostileAnswer
        && hostileCount == f.hostileCount
        && Objects.equals(foreignBaseUrl, f.foreignBaseUrl)
        && Objects.equals(slowCustomer, f.slowCustomer)
        && slowCustomerUntilOthers == f.slowCustomerUntilOthers
        && slowCustomerMaxWait.equals(f.slowCustomerMaxWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        latency,
        latencyJitter,
        rateLimitPerSecond,
        retryAfterMode,
        errorRate,
        dropRate,
        dropAfterCommitRate,
        batchJobFailureRate,
        envelope,
        insertsPerListRequest,
        deletesPerListRequest,
        churn,
        serverPageSize,
        failingPage,
        failAfterRequests,
        hostileAnswer,
        hostileCount,
        foreignBaseUrl,
        slowCustomer,
        slowCustomerUntilOthers,
        slowCustomerMaxWait);
  }

  @Override
  public String toString() {
    return "Faults{latency="
        + latency
        + ", jitter="
        + latencyJitter
        + ", rateLimitPerSecond="
        + rateLimitPerSecond
        + ", retryAfter="
        + retryAfterMode
        + ", errorRate="
        + errorRate
        + ", dropRate="
        + dropRate
        + ", dropAfterCommitRate="
        + dropAfterCommitRate
        + ", batchJobFailureRate="
        + batchJobFailureRate
        + ", envelope="
        + envelope
        + ", insertsPerListRequest="
        + insertsPerListRequest
        + ", deletesPerListRequest="
        + deletesPerListRequest
        + (churn.isNone() ? "" : ", churn=" + churn)
        + (serverPageSize > 0 ? ", serverPageSize=" + serverPageSize : "")
        + (failingPage > 0 ? ", failingPage=" + failingPage : "")
        + (failAfterRequests > 0 ? ", failAfterRequests=" + failAfterRequests : "")
        + ", hostileAnswer="
        + hostileAnswer
        + (hostileAnswer == HostileAnswer.WRONG_COUNT ? ", hostileCount=" + hostileCount : "")
        + (foreignBaseUrl == null ? "" : ", foreignBaseUrl=" + foreignBaseUrl)
        + (slowCustomer == null
            ? ""
            : ", slowCustomer="
                + slowCustomer
                + " until "
                + slowCustomerUntilOthers
                + " others, at most "
                + slowCustomerMaxWait)
        + "}";
  }
}
