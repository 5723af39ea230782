/**
 * How {@code FormalooIO}'s reads run (internal, no compatibility guarantee): the splittable read of
 * a list's pages ({@code ReadListFn} over a {@code CursorRestriction}), the cursor that keeps a
 * read exact while the list changes under it ({@code ListCursor}), day queries for activities, and
 * the keys that remove the records page shifting repeats.
 */
package io.formaloo.beam.io.internal.read;
