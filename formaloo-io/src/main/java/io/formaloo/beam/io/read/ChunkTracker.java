package io.formaloo.beam.io.read;

import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The tracker of a chunk's pages: an {@link OffsetRangeTracker} that takes a runner's dynamic
 * splits (work rebalancing hands the rest of a chunk to an idle worker) but refuses checkpoints,
 * splits at a fraction of 0.
 *
 * <p>Why: some runners checkpoint a restriction on a timer, not because anyone else could take its
 * work (the Direct runner after a second, Flink's streaming runner after ten). A checkpointed chunk
 * throws away the pages it has fetched ahead, forgets the list's count its pages saw (so a changing
 * list is read back further than needed) and waits behind every other chunk to resume. Under a rate
 * limit that is budget spent twice: with chunks of 10 pages at 40 requests/s, 2,585 requests for
 * 2,000 pages. A chunk is small (10 pages by default), so it is read to its end instead. Refusing a
 * split is always allowed ({@code trySplit} may return null); the runner then lets the call run on.
 */
final class ChunkTracker extends OffsetRangeTracker {

  ChunkTracker(OffsetRange pages) {
    super(pages);
  }

  @Override
  public @Nullable SplitResult<OffsetRange> trySplit(double fractionOfRemainder) {
    if (fractionOfRemainder == 0) {
      return null;
    }
    return super.trySplit(fractionOfRemainder);
  }
}
