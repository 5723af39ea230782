package io.formaloo.beam.io.internal.read;

import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Claims the steps of a {@link ListCursor} one by one. It takes checkpoints (a split at fraction 0:
 * the rest goes on later, after the steps done) and refuses other splits: a list's cursor chains
 * every page to the one before it, so two parts of it cannot be read at once.
 */
final class CursorTracker extends RestrictionTracker<CursorRestriction, Long>
    implements RestrictionTracker.HasProgress {
  private final String session;
  private final OffsetRangeTracker steps;

  CursorTracker(CursorRestriction restriction) {
    this.session = restriction.session;
    this.steps = new OffsetRangeTracker(restriction.range());
  }

  @Override
  public boolean tryClaim(Long step) {
    return steps.tryClaim(step);
  }

  @Override
  public CursorRestriction currentRestriction() {
    OffsetRange range = steps.currentRestriction();
    return new CursorRestriction(session, range.getFrom(), range.getTo());
  }

  @Override
  public @Nullable SplitResult<CursorRestriction> trySplit(double fractionOfRemainder) {
    if (fractionOfRemainder > 0) {
      return null;
    }
    SplitResult<OffsetRange> split = steps.trySplit(0);
    if (split == null) {
      return null;
    }
    OffsetRange primary = split.getPrimary();
    OffsetRange residual = split.getResidual();
    return SplitResult.of(
        new CursorRestriction(session, primary.getFrom(), primary.getTo()),
        new CursorRestriction(session, residual.getFrom(), residual.getTo()));
  }

  @Override
  public void checkDone() throws IllegalStateException {
    steps.checkDone();
  }

  @Override
  public IsBounded isBounded() {
    return IsBounded.BOUNDED;
  }

  @Override
  public Progress getProgress() {
    // The steps a list needs are not known ahead: report the steps done, and one to go.
    return Progress.from(steps.getProgress().getWorkCompleted(), 1);
  }
}
