package io.formaloo.beam.io.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cuts the pages after page 1 of a plan into chunks: the elements the read spreads across workers
 * (a reshuffle), each the initial restriction of {@link ReadPagesFn}.
 *
 * <p>Chunks are elements rather than the splits of one restriction ({@code @SplitRestriction}):
 * runners that do not split a bounded splittable DoFn (the classic Flink and Spark runners read all
 * of an element's restrictions where the element is) would read a whole query on one worker.
 *
 * <p>Unless the read sets {@code withPagesPerChunk}, a plan is cut into about {@value
 * #CHUNKS_PER_QUERY} chunks of {@value #MIN_PAGES} to {@value #MAX_PAGES} pages. Every chunk costs
 * the runner an element with its own key, state and timers: {@code scripts/bench ReadThroughput}
 * read 2,000 pages on the Direct runner at 27,021 records/s in chunks of 10 and at 37,741 in the
 * default chunks of 32 (a warm JVM). 64 chunks keep a cluster of a few dozen slots busy, and
 * runners that split running restrictions (Dataflow) balance the rest.
 */
final class ChunkPlanFn<T> extends DoFn<QueryPlan<T>, PageChunk<T>> {
  private static final long serialVersionUID = 1L;

  static final long CHUNKS_PER_QUERY = 64;
  static final long MIN_PAGES = 10;
  static final long MAX_PAGES = 100;

  private final @Nullable Integer pagesPerChunk;

  /** {@code pagesPerChunk}: as the read set it; null sizes the chunks by the plan. */
  ChunkPlanFn(@Nullable Integer pagesPerChunk) {
    this.pagesPerChunk = pagesPerChunk;
  }

  @ProcessElement
  public void process(@Element QueryPlan<T> plan, OutputReceiver<PageChunk<T>> out) {
    chunks(plan, pagesPerChunk).forEach(out::output);
  }

  /** The chunks of {@code plan}'s pages after page 1, of {@code pagesPerChunk} pages or sized. */
  static <T> List<PageChunk<T>> chunks(QueryPlan<T> plan, @Nullable Integer pagesPerChunk) {
    long end = plan.lastPage + 1;
    long size = pagesPerChunk != null ? pagesPerChunk : defaultSize(end - 2);
    List<PageChunk<T>> chunks = new ArrayList<>();
    for (long from = 2; from < end; from += size) {
      chunks.add(new PageChunk<>(plan, from, Math.min(end, from + size)));
    }
    return chunks;
  }

  /** The pages of each chunk of {@code pages} pages, when the read does not say. */
  static long defaultSize(long pages) {
    long even = (pages + CHUNKS_PER_QUERY - 1) / CHUNKS_PER_QUERY;
    return Math.max(MIN_PAGES, Math.min(MAX_PAGES, even));
  }
}
