package io.formaloo.beam.io.internal.read;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a {@link ListCursor} knows of a gap it is closing: at most {@code bound} records lie between
 * the prefix's last record and the first record of {@code beyond}, an answer read after it that
 * could not be joined on (the list's count fell by that much in between).
 *
 * @param <T> the records of the list
 */
final class Gap<T> {
  final PageAnswer<T> beyond;
  long bound;

  /** The page the next step back asks for. */
  long nextBack;

  /** The answer of page 1 that came before {@code beyond} was asked for. */
  final @Nullable PageAnswer<T> probeBefore;

  /** A step back reached the prefix; the records it found did not close the gap. */
  boolean steppedBack;

  /** The list's size in the answer of that step back. */
  long countAtStepBack;

  Gap(PageAnswer<T> beyond, long bound, @Nullable PageAnswer<T> probeBefore) {
    this.beyond = beyond;
    this.bound = bound;
    this.nextBack = Math.max(1, beyond.number - 1);
    this.probeBefore = probeBefore;
  }
}
