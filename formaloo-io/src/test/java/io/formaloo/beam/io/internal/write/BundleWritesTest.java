package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A bundle's writes on the pool: waited for at the end of the bundle, bounded while it runs,
 * counted in its metrics, failures rethrown, a failed bundle's leftovers discarded. (The waits on
 * latches only keep a broken implementation from hanging; no assertion is about time.)
 */
class BundleWritesTest {
  private static final long SAFETY_SECONDS = 30;

  @Test
  void awaitAllReturnsOnceEveryWriteOfTheBundleHasEnded() throws Exception {
    AtomicInteger ended = new AtomicInteger();
    try (WritePool pool = new WritePool(4);
        BundleWrites writes = new BundleWrites(pool, 100)) {
      for (int i = 0; i < 40; i++) {
        writes.submit("customer" + (i % 7), ended::incrementAndGet);
      }
      writes.awaitAll();
      assertThat(ended.get(), is(40));
    }
  }

  @Test
  void submitWaitsWhileMaxPendingWritesHaveNotEnded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ended = new AtomicInteger();
    AtomicInteger endedWhenThirdWasSubmitted = new AtomicInteger(-1);
    try (WritePool pool = new WritePool(4);
        BundleWrites writes = new BundleWrites(pool, 2)) {
      Runnable blocked =
          () -> {
            await(release);
            ended.incrementAndGet();
          };
      writes.submit("a", blocked);
      writes.submit("b", blocked);
      Thread third =
          new Thread(
              () -> {
                try {
                  writes.submit("c", () -> {});
                  endedWhenThirdWasSubmitted.set(ended.get());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      third.start();
      release.countDown();
      third.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
      writes.awaitAll();
    }
    // The third could go only once one of the two before it had ended.
    assertThat(endedWhenThirdWasSubmitted.get(), greaterThanOrEqualTo(1));
  }

  @Test
  void writesCountInTheSubmittersMetrics() throws Exception {
    MetricsContainerImpl container = new MetricsContainerImpl("bundle-test");
    try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(container);
        WritePool pool = new WritePool(4);
        BundleWrites writes = new BundleWrites(pool, 8)) {
      for (int i = 0; i < 6; i++) {
        writes.submit("customer" + i, () -> Metrics.counter("formaloo", "pool_work").inc());
      }
      writes.awaitAll();
    }
    assertThat(
        container.getCounter(MetricName.named("formaloo", "pool_work")).getCumulative(), is(6L));
  }

  @Test
  void aFailedWriteIsRethrownToTheBundle() throws Exception {
    try (WritePool pool = new WritePool(2);
        BundleWrites writes = new BundleWrites(pool, 8)) {
      writes.submit(
          "ada",
          () -> {
            throw new IllegalStateException("configuration error");
          });
      IllegalStateException e = assertThrows(IllegalStateException.class, writes::awaitAll);
      assertThat(e.getMessage(), is("configuration error"));
    }
  }

  @Test
  void afterAWriteFailedTheBundlesWritesNotStartedAreSkipped() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch bobSubmitted = new CountDownLatch(1);
    try (WritePool pool = new WritePool(1);
        BundleWrites writes = new BundleWrites(pool, 8)) {
      writes.submit(
          "ada",
          () -> {
            // Fails only once bob is queued: a failure before that is rethrown by his submit.
            awaitQuietly(bobSubmitted);
            throw new IllegalStateException("configuration error");
          });
      writes.submit("bob", () -> ran.add("bob"));
      bobSubmitted.countDown();
      assertThrows(IllegalStateException.class, writes::awaitAll);
      // The next bundle's write runs after bob's turn has come and gone (one slot, in turn).
      writes.discardPending();
      writes.submit("carol", () -> ran.add("carol, next bundle"));
      writes.awaitAll();
    }
    assertThat(ran, is(List.of("carol, next bundle")));
  }

  @Test
  void aFailedBundlesLeftoversAreDiscardedAndTheNextBundleStartsClean() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    List<Boolean> interrupted = new CopyOnWriteArrayList<>();
    try (WritePool pool = new WritePool(1);
        BundleWrites writes = new BundleWrites(pool, 8)) {
      writes.submit(
          "ada",
          () -> {
            firstStarted.countDown();
            try {
              new CountDownLatch(1).await(SAFETY_SECONDS, TimeUnit.SECONDS);
              interrupted.add(false);
            } catch (InterruptedException e) {
              interrupted.add(true);
            }
          });
      // Queued behind the running one, for the same customer and for another.
      writes.submit("ada", () -> ran.add("ada, second"));
      writes.submit("bob", () -> ran.add("bob"));
      await(firstStarted);

      writes.discardPending();
      writes.submit("ada", () -> ran.add("next bundle"));
      writes.awaitAll();
    }
    assertThat(interrupted, is(List.of(true)));
    assertThat(ran, is(List.of("next bundle")));
  }

  @Test
  void aDiscardedBundlesFailureIsNotTheNextBundles() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (WritePool pool = new WritePool(2);
        BundleWrites writes = new BundleWrites(pool, 8)) {
      writes.submit(
          "ada",
          () -> {
            await(release);
            throw new IllegalStateException("the failed bundle's");
          });
      writes.discardPending();
      release.countDown();
      List<String> ran = new CopyOnWriteArrayList<>();
      writes.submit("bob", () -> ran.add("bob"));
      writes.awaitAll();
      assertThat(ran, is(List.of("bob")));
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
