package io.formaloo.beam.io.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.junit.jupiter.api.Test;

class ShardLanesTest {

  @Test
  void differentShardsAreWrittenAtOnce() throws Exception {
    CountDownLatch allRunning = new CountDownLatch(3);
    List<Boolean> sawTheOthers = new CopyOnWriteArrayList<>();
    try (ShardLanes lanes = new ShardLanes(10)) {
      for (int shard = 0; shard < 3; shard++) {
        lanes.submit(
            shard,
            () -> {
              allRunning.countDown();
              try {
                sawTheOthers.add(allRunning.await(10, TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      lanes.awaitAll();
    }
    assertThat(sawTheOthers, contains(true, true, true));
  }

  @Test
  void oneShardsBatchesAreWrittenInTurn() throws Exception {
    List<Integer> order = new CopyOnWriteArrayList<>();
    try (ShardLanes lanes = new ShardLanes(2)) {
      for (int batch = 0; batch < 6; batch++) {
        int b = batch;
        lanes.submit(7, () -> order.add(b));
      }
      lanes.awaitAll();
    }
    assertThat(order, contains(0, 1, 2, 3, 4, 5));
  }

  @Test
  void workCountsInTheSubmittersMetrics() throws Exception {
    MetricsContainerImpl container = new MetricsContainerImpl("lanes-test");
    try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(container);
        ShardLanes lanes = new ShardLanes(4)) {
      for (int shard = 0; shard < 4; shard++) {
        lanes.submit(shard, () -> Metrics.counter("formaloo", "lane_work").inc());
      }
      lanes.awaitAll();
    }
    assertThat(
        container.getCounter(MetricName.named("formaloo", "lane_work")).getCumulative(), is(4L));
  }

  @Test
  void aFailureOnALaneIsRethrownToTheBundle() throws Exception {
    try (ShardLanes lanes = new ShardLanes(4)) {
      lanes.submit(
          1,
          () -> {
            throw new IllegalStateException("configuration error");
          });
      IllegalStateException e = assertThrows(IllegalStateException.class, lanes::awaitAll);
      assertThat(e.getMessage(), is("configuration error"));
    }
  }
}
