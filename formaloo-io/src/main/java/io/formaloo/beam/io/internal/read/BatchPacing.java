package io.formaloo.beam.io.internal.read;

/**
 * Whether a {@link ListCursor} asks for pages in batches or one at a time, and how many at once.
 *
 * <p>Batches are what make a read fast (pages in flight instead of one round trip after another),
 * but a batch the list changed under proves nothing beyond what its pages show by identity. So
 * batches start small while the list's churn is unknown, grow while they pass, and after one fails
 * the cursor reads one page at a time until the list has been quiet a while, longer after each
 * failure, so that a list that keeps changing is soon read one page at a time only.
 */
final class BatchPacing {
  /** Pages of the first batch: a failed batch costs little while the list's churn is unknown. */
  static final int FIRST_BATCH = 2;

  /** Quiet pages, read one at a time, before batches are tried again (at first). */
  static final int QUIET_PAGES_BEFORE_BATCHES = 4;

  /** How much longer the list must be quiet after each failed batch. */
  static final int QUIET_PAGES_GROWTH = 8;

  /** A batch the list stood still for is followed by one this many times larger. */
  static final int BATCH_GROWTH = 4;

  static final int MAX_QUIET_PAGES = 4096;

  private final int maxBatch;
  private boolean batches = true;
  private int batchSize = FIRST_BATCH;
  private int quietPages;
  private int quietPagesNeeded = QUIET_PAGES_BEFORE_BATCHES;

  BatchPacing(int maxBatch) {
    this.maxBatch = Math.max(FIRST_BATCH, maxBatch);
  }

  /** Whether the next read is a batch. */
  boolean batches() {
    return batches;
  }

  /** How many pages the next batch asks for. */
  int batchSize() {
    return batchSize;
  }

  /** Whether the batch is past its first size, when the list's churn is known to be low. */
  boolean beyondFirstBatch() {
    return batchSize > FIRST_BATCH;
  }

  /**
   * A page read one at a time showed the list still ({@code quiet}) or changing; enough quiet pages
   * in a row start batches again, from the first size.
   */
  void page(boolean quiet) {
    if (!quiet) {
      quietPages = 0;
      return;
    }
    if (++quietPages >= quietPagesNeeded) {
      batches = true;
      batchSize = FIRST_BATCH;
    }
  }

  /** The list stood still for a whole batch: the next one is larger. */
  void batchPassed() {
    batchSize = Math.min(batchSize * BATCH_GROWTH, maxBatch);
  }

  /** The list changed during a batch: pages one at a time, until it has been quiet longer. */
  void batchFailed() {
    batches = false;
    quietPages = 0;
    quietPagesNeeded =
        (int) Math.min((long) quietPagesNeeded * QUIET_PAGES_GROWTH, MAX_QUIET_PAGES);
  }

  /** The probe a batch starts from failed: one page at a time for now. */
  void pause() {
    batches = false;
  }

  /** No more batches in this read (its second pass, which trusts no ordering). */
  void stop() {
    batches = false;
    quietPagesNeeded = Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "batches=" + batches + " batchSize=" + batchSize;
  }
}
