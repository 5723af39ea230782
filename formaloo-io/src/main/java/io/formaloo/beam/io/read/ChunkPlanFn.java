package io.formaloo.beam.io.read;

import org.apache.beam.sdk.transforms.DoFn;

/** Cuts the pages after page 1 of a plan into chunks of {@code pagesPerChunk} pages. */
final class ChunkPlanFn<T> extends DoFn<QueryPlan<T>, PageChunk<T>> {
  private static final long serialVersionUID = 1L;

  private final int pagesPerChunk;

  ChunkPlanFn(int pagesPerChunk) {
    this.pagesPerChunk = pagesPerChunk;
  }

  @ProcessElement
  public void process(@Element QueryPlan<T> plan, OutputReceiver<PageChunk<T>> out) {
    long end = plan.lastPage + 1;
    for (long from = 2; from < end; from += pagesPerChunk) {
      out.output(new PageChunk<>(plan, from, Math.min(end, from + pagesPerChunk)));
    }
  }
}
