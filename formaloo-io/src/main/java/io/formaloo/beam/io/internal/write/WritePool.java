package io.formaloo.beam.io.internal.write;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The record writes of one write transform in one worker process: at most {@code maxConcurrent} at
 * once, whichever shard, bundle or {@code DoFn} instance they come from, and those of one customer
 * one after another, in the order they were submitted.
 *
 * <p>Why a pool and not a lane per shard: a record waiting out a retry's backoff, a {@code
 * Retry-After} or a slow answer holds only its own slot, while the other records of its shard go on
 * in the others; and a shard with nothing to write leaves its slots to the shards that have. Why
 * one customer's writes in turn: two writes for a customer the API does not know yet must not race
 * to create it twice, and a later upsert must land after an earlier one. A customer's write that
 * waits for its turn holds no slot.
 *
 * <p>Until one write has got through, one runs at a time: a configuration no request can succeed
 * with (a wrong key, an unknown business) then costs the write one request, not one per slot, and
 * fails the pipeline as early as a single request would.
 *
 * <p>Shared through {@link WritePools}. Thread-safe.
 */
final class WritePool implements AutoCloseable {
  private static final long IDLE_SECONDS = 30;
  private static final AtomicInteger POOLS = new AtomicInteger();

  /** A record's write, as the pool runs it. */
  interface Write {
    /**
     * Writes the record and reports its outcome to whoever submitted it.
     *
     * @return whether the write got through to an outcome for its record (written, or failed for a
     *     reason of its own); false when it failed the way every write would (a configuration
     *     error), or did not run
     */
    boolean run();
  }

  private final int maxConcurrent;
  private final ThreadPoolExecutor threads;
  private final Object lock = new Object();

  /**
   * The writes of each customer submitted and not ended, the one running or ready first. A customer
   * with none has no entry. Guarded by {@link #lock}.
   */
  private final Map<String, Deque<Write>> customers = new HashMap<>();

  /** The first write of each customer that waits for a slot, in turn. Guarded by {@link #lock}. */
  private final Deque<Slot> ready = new ArrayDeque<>();

  /** Writes running now. Guarded by {@link #lock}. */
  private int running;

  /** Whether a write has got through, so that every slot is open. Guarded by {@link #lock}. */
  private boolean proven;

  /** Guarded by {@link #lock}. */
  private boolean closed;

  WritePool(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            maxConcurrent,
            maxConcurrent,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            // The pool hands a thread at most maxConcurrent writes at once: this stays short.
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "formaloo-write-" + pool + "-" + thread.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // An idle write (between bundles, or done) keeps no threads.
    threads.allowCoreThreadTimeOut(true);
  }

  /** The most writes that run at once. */
  int maxConcurrent() {
    return maxConcurrent;
  }

  /**
   * Runs {@code write} once every write submitted before it for the same {@code customer} has
   * ended, and a slot is free.
   *
   * @param customer the customer identity the record concerns ({@link Shards#key})
   * @throws IllegalStateException once the pool is closed
   */
  void submit(String customer, Write write) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the write pool is closed");
      }
      Deque<Write> queue = customers.computeIfAbsent(customer, c -> new ArrayDeque<>());
      queue.addLast(write);
      if (queue.size() == 1) {
        ready.addLast(new Slot(customer, write));
        dispatch();
      }
    }
  }

  /** Stops the threads; writes not yet started never run. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      customers.clear();
      ready.clear();
    }
    threads.shutdownNow();
  }

  /** Starts ready writes while slots are free. Holds {@link #lock}. */
  private void dispatch() {
    int slots = proven ? maxConcurrent : 1;
    while (!closed && running < slots && !ready.isEmpty()) {
      running++;
      threads.execute(ready.removeFirst());
    }
  }

  /** A customer's write in a slot of its own. */
  private final class Slot implements Runnable {
    private final String customer;
    private final Write write;

    Slot(String customer, Write write) {
      this.customer = customer;
      this.write = write;
    }

    @Override
    public void run() {
      boolean through = false;
      try {
        through = write.run();
      } finally {
        ended(through);
      }
    }

    /** The write ended: its slot is free, and its customer's next write, if any, is ready. */
    private void ended(boolean through) {
      synchronized (lock) {
        running--;
        proven |= through;
        Deque<Write> queue = customers.get(customer);
        if (queue != null) {
          queue.removeFirst();
          Write next = queue.peekFirst();
          if (next == null) {
            customers.remove(customer);
          } else {
            ready.addLast(new Slot(customer, next));
          }
        }
        dispatch();
      }
    }
  }
}
