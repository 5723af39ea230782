package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class BatchPacingTest {

  @Test
  void batchesStartSmallAndGrowWhileTheyPassUpToTheMaximum() {
    BatchPacing pacing = new BatchPacing(64);
    assertThat(pacing.batches(), is(true));
    assertThat(pacing.batchSize(), is(2));
    pacing.batchPassed();
    assertThat(pacing.batchSize(), is(8));
    pacing.batchPassed();
    pacing.batchPassed();
    assertThat(pacing.batchSize(), is(64));
    pacing.batchPassed();
    assertThat(pacing.batchSize(), is(64));
  }

  @Test
  void afterAFailedBatchTheListMustBeQuietEightTimesLongerEachTime() {
    BatchPacing pacing = new BatchPacing(64);
    pacing.batchPassed();
    pacing.batchFailed();
    assertThat(quietPagesUntilBatches(pacing), is(32));
    assertThat("batches start again from the first size", pacing.batchSize(), is(2));
    pacing.batchFailed();
    assertThat(quietPagesUntilBatches(pacing), is(256));
  }

  @Test
  void aChangingPageStartsTheQuietCountAgain() {
    BatchPacing pacing = new BatchPacing(64);
    pacing.batchFailed();
    for (int i = 0; i < 31; i++) {
      pacing.page(true);
    }
    pacing.page(false);
    assertThat(quietPagesUntilBatches(pacing), is(32));
  }

  @Test
  void stoppedPacingNeverBatchesAgain() {
    BatchPacing pacing = new BatchPacing(64);
    pacing.stop();
    for (int i = 0; i < 100_000; i++) {
      pacing.page(true);
    }
    assertThat(pacing.batches(), is(false));
  }

  private static int quietPagesUntilBatches(BatchPacing pacing) {
    int pages = 0;
    while (!pacing.batches()) {
      pacing.page(true);
      pages++;
    }
    return pages;
  }
}
