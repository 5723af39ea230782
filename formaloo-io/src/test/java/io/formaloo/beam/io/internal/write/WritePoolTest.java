package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The write pool on its own: writes of different customers at once up to the bound, one customer's
 * in turn, one at a time until a write got through. (The waits on latches are there so that a
 * broken pool fails instead of hanging; no assertion is about time.)
 */
class WritePoolTest {
  private static final long SAFETY_SECONDS = 30;

  @Test
  void writesOfDifferentCustomersRunAtOnce() throws Exception {
    CountDownLatch allRunning = new CountDownLatch(3);
    List<Boolean> sawTheOthers = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    try (WritePool pool = proven(new WritePool(3))) {
      for (int c = 0; c < 3; c++) {
        pool.submit("customer" + c, waitingForEachOther(allRunning, sawTheOthers, done));
      }
      await(done);
    }
    assertThat(sawTheOthers, contains(true, true, true));
  }

  @Test
  void noMoreThanMaxConcurrentWritesRunAtOnce() throws Exception {
    int max = 4;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    // The first writes end only once `max` run together: a pool of fewer slots would never let
    // them, one of more would let a fifth in meanwhile.
    CountDownLatch full = new CountDownLatch(max);
    CountDownLatch done = new CountDownLatch(5 * max);
    try (WritePool pool = proven(new WritePool(max))) {
      for (int c = 0; c < 5 * max; c++) {
        pool.submit(
            "customer" + c,
            () -> {
              mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              full.countDown();
              await(full);
              running.decrementAndGet();
              done.countDown();
              return true;
            });
      }
      assertThat(await(done), is(true));
    }
    assertThat(mostRunning.get(), is(max));
  }

  @Test
  void oneCustomersWritesRunInTurnInTheOrderSubmitted() throws Exception {
    List<Integer> order = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(50);
    try (WritePool pool = proven(new WritePool(8))) {
      for (int w = 0; w < 50; w++) {
        int write = w;
        pool.submit(
            "ada@example.org",
            () -> {
              mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              order.add(write);
              running.decrementAndGet();
              done.countDown();
              return true;
            });
      }
      await(done);
    }
    List<Integer> expected = new ArrayList<>();
    for (int w = 0; w < 50; w++) {
      expected.add(w);
    }
    assertThat(order, is(expected));
    assertThat(mostRunning.get(), is(1));
  }

  @Test
  void aCustomerWaitingForItsTurnDoesNotHoldASlot() throws Exception {
    // Two slots; the first customer's first write blocks until another customer's write has run:
    // its second write, queued behind it, must leave the second slot to that customer.
    CountDownLatch otherRan = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    try (WritePool pool = proven(new WritePool(2))) {
      pool.submit(
          "slow",
          () -> {
            order.add("slow 1 waited: " + await(otherRan));
            done.countDown();
            return true;
          });
      pool.submit(
          "slow",
          () -> {
            order.add("slow 2");
            done.countDown();
            return true;
          });
      pool.submit(
          "other",
          () -> {
            order.add("other");
            otherRan.countDown();
            done.countDown();
            return true;
          });
      await(done);
    }
    assertThat(order, contains("other", "slow 1 waited: true", "slow 2"));
  }

  @Test
  void aWriteThatThrowsLetsTheCustomersNextOneRun() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    try (WritePool pool = new WritePool(1)) {
      pool.submit(
          "ada",
          () -> {
            throw new IllegalStateException("a bug in a write");
          });
      pool.submit(
          "ada",
          () -> {
            next.countDown();
            return true;
          });
      assertThat(await(next), is(true));
    }
  }

  @Test
  void untilAWriteGetsThroughWritesRunOneAtATime() throws Exception {
    // Each write fails as every write would (a wrong key), and looks a while for another running
    // beside it: there is none, however long it looks.
    List<Boolean> sawAnother = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    CountDownLatch overlap = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(3);
    try (WritePool pool = new WritePool(4)) {
      for (int c = 0; c < 3; c++) {
        pool.submit(
            "customer" + c,
            () -> {
              if (running.incrementAndGet() > 1) {
                overlap.countDown();
              }
              sawAnother.add(lookForAnother(overlap));
              running.decrementAndGet();
              done.countDown();
              return false;
            });
      }
      await(done);
    }
    assertThat(sawAnother, contains(false, false, false));
  }

  @Test
  void onceAWriteGotThroughEverySlotIsOpen() throws Exception {
    CountDownLatch allRunning = new CountDownLatch(3);
    List<Boolean> sawTheOthers = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    try (WritePool pool = new WritePool(3)) {
      // One that fails as every write would leaves the pool one at a time; the next opens it.
      pool.submit("first", () -> false);
      pool.submit("second", () -> true);
      for (int c = 0; c < 3; c++) {
        pool.submit("customer" + c, waitingForEachOther(allRunning, sawTheOthers, done));
      }
      await(done);
    }
    assertThat(sawTheOthers, contains(true, true, true));
  }

  /** A write that ends once {@code allRunning} writes run at once, and says whether they did. */
  private static WritePool.Write waitingForEachOther(
      CountDownLatch allRunning, List<Boolean> sawTheOthers, CountDownLatch done) {
    return () -> {
      allRunning.countDown();
      sawTheOthers.add(await(allRunning));
      done.countDown();
      return true;
    };
  }

  /** A pool in which a write got through, so that all its slots are open. */
  private static WritePool proven(WritePool pool) {
    CountDownLatch through = new CountDownLatch(1);
    pool.submit(
        "proof",
        () -> {
          through.countDown();
          return true;
        });
    await(through);
    return pool;
  }

  /**
   * Whether two writes ran at once, or do within a little while (a fifth of a second): waits on the
   * condition, not on a clock.
   */
  private static boolean lookForAnother(CountDownLatch overlap) {
    try {
      return overlap.await(200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
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
}
