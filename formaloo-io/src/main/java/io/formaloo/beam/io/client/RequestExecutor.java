package io.formaloo.beam.io.client;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request until it succeeds or the retry policy gives up: the one loop every call goes
 * through.
 *
 * <p>Each attempt waits for the client's ceiling ({@link RateLimiter}) and for the shared {@link
 * RateController}, puts on fresh credentials and is sent once. Then:
 *
 * <ul>
 *   <li>2xx: done.
 *   <li>401: the token is renewed and the request sent again at once, outside the retry budget; a
 *       second 401 in a row is a configuration error.
 *   <li>429, 408, 500, 502, 503, 504, or no whole answer: retried after {@link Backoff}'s wait,
 *       while attempts and total time remain. A 429 also tells the rate controller to cut the rate;
 *       a success lets it raise the rate.
 *   <li>a refused connection before the server ever answered: a configuration error at once.
 *   <li>anything else: classified by {@link ErrorClassifier} and thrown.
 * </ul>
 *
 * <p>Waits for the ceiling and the controller, for a {@code Retry-After} and after a 429 are
 * counted as throttling time (see {@link ClientMetrics}).
 */
final class RequestExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  private final Transport transport;
  private final RateLimiter ceiling;
  private final @Nullable RateController controller;
  private final RetryPolicy policy;
  private final Backoff backoff;
  private final ClientMetrics metrics;
  private final ClientEnvironment env;
  private final ErrorClassifier classifier;

  /** Requests of this client sleeping before a retry: see {@link #waitingToRetry()}. */
  private final AtomicInteger waitingToRetry = new AtomicInteger();

  /** Whether the server has answered any request of this client, with any status. */
  private volatile boolean answered;

  RequestExecutor(
      Transport transport,
      RateLimiter ceiling,
      @Nullable RateController controller,
      RetryPolicy policy,
      ClientMetrics metrics,
      ClientEnvironment env,
      ErrorClassifier classifier) {
    this.transport = transport;
    this.ceiling = ceiling;
    this.controller = controller;
    this.policy = policy;
    this.backoff = new Backoff(policy, env.random);
    this.metrics = metrics;
    this.env = env;
    this.classifier = classifier;
  }

  /**
   * Sends {@code call} with the credentials of {@code auth}.
   *
   * @throws FormalooException if it did not succeed
   */
  ApiResponse execute(HttpCall call, Authenticator auth) {
    long started = env.nanoTime.getAsLong();
    int sent = 0;
    int retries = 0;
    boolean renewedToken = false;
    while (true) {
      waitForLimiter(call, sent);
      Authorization authorization = auth.authorize();
      sent++;
      metrics.request();
      if (call.purpose == HttpCall.Purpose.TOKEN) {
        metrics.tokenRequest();
      }
      long sentAt = env.nanoTime.getAsLong();
      HttpAnswer answer;
      try {
        answer = transport.send(call, authorization.headers);
      } catch (IOException e) {
        metrics.connectionFailure(millisSince(sentAt));
        if (!answered && e instanceof ConnectException) {
          // Refused before the server ever answered this client: nothing listens at the base URL
          // (a wrong host or port). Retrying with backoff would only delay that verdict, on every
          // record; a server that answered before and refuses now is restarting, and is retried.
          throw classifier.refusedConnection(call, e, sent);
        }
        Duration delay = backoff.delay(retries + 1, null);
        if (!ErrorClassifier.isRetryable(e) || !mayRetry(retries, started, delay)) {
          throw classifier.failed(call, e, sent, auth);
        }
        retries++;
        LOG.debug(
            "{} got no answer ({}); retry {} in {} ms",
            call,
            e.getClass().getSimpleName(),
            retries,
            delay.toMillis());
        metrics.retry();
        pause(call, sent, delay, false);
        continue;
      }
      metrics.response(answer.status, millisSince(sentAt));
      answered = true;
      int status = answer.status;
      if (answer.isSuccess()) {
        if (controller != null) {
          controller.onSuccess(sentAt);
        }
        return new ApiResponse(status, answer.body, call, sent);
      }
      if (status == 401 && auth.canRenew() && !renewedToken) {
        renewedToken = true;
        auth.rejected(authorization);
        LOG.debug("{} answered 401; renewing the token and sending it again", call);
        continue;
      }
      if (status == 401) {
        throw classifier.refused(call, status, answer, sent, auth);
      }
      renewedToken = false;
      if (!RETRYABLE.contains(status)) {
        throw classifier.refused(call, status, answer, sent, auth);
      }
      Duration retryAfter = RetryAfter.parse(answer.retryAfter, env.wallClock).orElse(null);
      if (status == 429 && controller != null) {
        controller.onThrottled(sentAt);
      }
      Duration delay = backoff.delay(retries + 1, retryAfter);
      if (!mayRetry(retries, started, delay)) {
        throw classifier.exhausted(call, status, answer, sent, auth);
      }
      retries++;
      LOG.debug(
          "{} answered {}; retry {} in {} ms{}",
          call,
          status,
          retries,
          delay.toMillis(),
          retryAfter == null ? "" : " (Retry-After " + retryAfter.toMillis() + " ms)");
      metrics.retry();
      pause(call, sent, delay, status == 429 || retryAfter != null);
    }
  }

  /** Whether one more retry fits in both budgets: attempts, and total time after the wait. */
  private boolean mayRetry(int retries, long startedNanos, Duration delay) {
    if (retries + 1 >= policy.maxAttempts()) {
      return false;
    }
    Duration elapsed = Duration.ofNanos(env.nanoTime.getAsLong() - startedNanos);
    return elapsed.plus(delay).compareTo(policy.maxElapsed()) <= 0;
  }

  private void waitForLimiter(HttpCall call, int sent) {
    try {
      metrics.throttled(ceiling.acquire());
      if (controller != null) {
        metrics.throttled(controller.acquire());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw classifier.interrupted(call, sent);
    }
  }

  /**
   * How many of this client's requests are sleeping before a retry (a {@code Retry-After}, a
   * backoff) right now: a caller that keeps requests in flight may send others meanwhile.
   */
  int waitingToRetry() {
    return waitingToRetry.get();
  }

  private void pause(HttpCall call, int sent, Duration delay, boolean throttled) {
    waitingToRetry.incrementAndGet();
    try {
      env.sleeper.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw classifier.interrupted(call, sent);
    } finally {
      waitingToRetry.decrementAndGet();
    }
    if (throttled) {
      metrics.throttled(delay.toMillis());
    }
  }

  private long millisSince(long nanos) {
    return (env.nanoTime.getAsLong() - nanos) / 1_000_000;
  }
}
