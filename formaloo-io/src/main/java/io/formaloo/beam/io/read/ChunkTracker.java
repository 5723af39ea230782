package io.formaloo.beam.io.read;

import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The tracker of a chunk's pages: an {@link OffsetRangeTracker} whose splits and checkpoints never
 * land among the pages the reader has already asked for.
 *
 * <p>While it reads page {@code p}, {@link ReadPagesFn} has requests out for the pages up to {@code
 * p + pagesInFlight - 1} (see {@link PageWindow}). A plain {@code OffsetRangeTracker} splits right
 * after {@code p}, so those pages would go to the rest of the chunk and be fetched again by whoever
 * reads it. Some runners checkpoint on a timer, not because anyone else could take the work (the
 * Direct runner after a second of work, Flink's streaming runner after ten), and under a rate limit
 * every page fetched twice is budget lost. Here a split lands after the pages in flight, which this
 * call reads to the end; the pages after them go to the rest.
 *
 * <p>When every page left is in flight, a checkpoint still succeeds, as the contract of {@code
 * trySplit(0)} asks, with an empty rest: the call reads them all.
 */
final class ChunkTracker extends OffsetRangeTracker {
  private final int pagesInFlight;

  /**
   * {@code pagesInFlight}: the most pages the reader requests at once, the current one included.
   */
  ChunkTracker(OffsetRange pages, int pagesInFlight) {
    super(pages);
    this.pagesInFlight = pagesInFlight;
  }

  @Override
  public @Nullable SplitResult<OffsetRange> trySplit(double fractionOfRemainder) {
    Long reading = lastAttemptedOffset;
    if (reading == null || reading >= range.getTo() - 1) {
      // nothing asked for yet, or every page claimed: as a plain tracker
      return super.trySplit(fractionOfRemainder);
    }
    long lastAskedFor = reading + pagesInFlight - 1;
    if (lastAskedFor >= range.getTo() - 1) {
      if (fractionOfRemainder > 0) {
        return null;
      }
      return SplitResult.of(range, new OffsetRange(range.getTo(), range.getTo()));
    }
    long left = range.getTo() - lastAskedFor;
    long split = lastAskedFor + Math.max(1, (long) (left * fractionOfRemainder));
    if (split >= range.getTo()) {
      return null;
    }
    OffsetRange rest = new OffsetRange(split, range.getTo());
    range = new OffsetRange(range.getFrom(), split);
    return SplitResult.of(range, rest);
  }
}
