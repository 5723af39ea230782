package io.formaloo.beam.io.internal.read;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The restriction of {@link ReadListFn}: the steps of one list's {@link ListCursor} still to do,
 * {@code [from, to)}, and the session that names the cursor doing them in this JVM. A runner that
 * checkpoints the read (the Direct runner does after every second of work, so that a bundle's
 * output does not grow without end) gets the rest as a residual with the same session, and the
 * cursor goes on where it stopped.
 */
final class CursorRestriction implements Serializable {
  private static final long serialVersionUID = 1L;

  final String session;
  final long from;
  final long to;

  CursorRestriction(String session, long from, long to) {
    this.session = session;
    this.from = from;
    this.to = to;
  }

  /** A new session, for a new read of a list: every step to do. */
  static CursorRestriction start() {
    return new CursorRestriction(UUID.randomUUID().toString(), 0, Long.MAX_VALUE);
  }

  OffsetRange range() {
    return new OffsetRange(from, to);
  }

  // Equal encodings mean equal values: runners compare restrictions by their encodings.
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CursorRestriction)) {
      return false;
    }
    CursorRestriction r = (CursorRestriction) o;
    return session.equals(r.session) && from == r.from && to == r.to;
  }

  @Override
  public int hashCode() {
    return Objects.hash(session, from, to);
  }

  @Override
  public String toString() {
    return "steps [" + from + ", " + to + ") of read " + session;
  }
}
