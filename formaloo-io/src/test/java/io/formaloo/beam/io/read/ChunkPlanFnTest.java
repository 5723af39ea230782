package io.formaloo.beam.io.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How the pages after page 1 are cut into the chunks that are spread across workers. */
class ChunkPlanFnTest {

  private static QueryPlan<Customer> planOf(long lastPage) {
    return new QueryPlan<>(ListQuery.of(ListEndpoint.CUSTOMERS), lastPage * 100, 100, lastPage);
  }

  private static List<Long> sizes(List<PageChunk<Customer>> chunks) {
    return chunks.stream().map(c -> c.toPage - c.fromPage).collect(Collectors.toList());
  }

  /** The chunks cover pages 2 to the last, each once, in order. */
  private static void assertCoversThePagesAfterTheFirst(
      List<PageChunk<Customer>> chunks, long lastPage) {
    long next = 2;
    for (PageChunk<Customer> chunk : chunks) {
      assertThat(chunk.fromPage, is(next));
      next = chunk.toPage;
    }
    assertThat(next, is(lastPage + 1));
  }

  @Test
  void aLargeListIsCutIntoAboutSixtyFourChunks() {
    List<PageChunk<Customer>> chunks = ChunkPlanFn.chunks(planOf(2_001), null);
    assertCoversThePagesAfterTheFirst(chunks, 2_001);
    assertThat(chunks.size(), is(63));
    assertThat(sizes(chunks), everyItem(lessThanOrEqualTo(32L)));
  }

  @Test
  void aSmallListIsCutIntoChunksOfTenPages() {
    List<PageChunk<Customer>> chunks = ChunkPlanFn.chunks(planOf(61), null);
    assertCoversThePagesAfterTheFirst(chunks, 61);
    assertThat(sizes(chunks), is(List.of(10L, 10L, 10L, 10L, 10L, 10L)));
  }

  @Test
  void aHugeListIsCutIntoChunksOfAHundredPages() {
    List<PageChunk<Customer>> chunks = ChunkPlanFn.chunks(planOf(50_001), null);
    assertCoversThePagesAfterTheFirst(chunks, 50_001);
    assertThat(chunks.size(), is(500));
  }

  @Test
  void theReadsOwnChunkSizeIsKept() {
    List<PageChunk<Customer>> chunks = ChunkPlanFn.chunks(planOf(2_001), 7);
    assertCoversThePagesAfterTheFirst(chunks, 2_001);
    assertThat(chunks.size(), is(286));
    assertThat(sizes(chunks.subList(0, 285)), everyItem(is(7L)));
  }

  @Test
  void aListOfOnePageHasNoChunks() {
    assertThat(ChunkPlanFn.chunks(planOf(1), null), is(List.of()));
  }
}
