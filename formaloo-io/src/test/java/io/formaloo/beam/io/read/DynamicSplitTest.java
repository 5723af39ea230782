package io.formaloo.beam.io.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.Customer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.junit.jupiter.api.Test;

/** A runner splits a running restriction: both parts complete, and together they are the whole. */
class DynamicSplitTest {
  @Test
  void aRunningChunkSplitInHalfIsReadWholeByItsTwoParts() throws Exception {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(250).build())) {
      FormalooConfig config = Emulated.config(emulator);
      List<String> codes = new ArrayList<>();
      QueryPlan<Customer> plan = planFromPageOne(config, codes);
      PageChunk<Customer> chunk = new PageChunk<>(plan, 2, plan.lastPage + 1);
      ReadPagesFn<Customer> fn = new ReadPagesFn<>("dynamic-split", config, 3);
      fn.setup();
      try {
        OffsetRangeTracker primary = fn.newTracker(fn.initialRestriction(chunk));
        List<SplitResult<OffsetRange>> splits = new ArrayList<>();
        fn.readChunk(
            chunk,
            primary,
            page -> {
              page.forEach(c -> codes.add(c.getCode()));
              if (codes.size() >= 40 && splits.isEmpty()) {
                // as a runner rebalancing work would: half of what is left goes elsewhere
                splits.add(primary.trySplit(0.5));
              }
            });
        primary.checkDone();
        assertThat(splits.get(0), notNullValue());
        OffsetRange residualRange = splits.get(0).getResidual();
        assertThat(residualRange.getFrom(), greaterThan(primary.currentRestriction().getFrom()));
        assertThat(primary.currentRestriction().getTo(), is(residualRange.getFrom()));

        OffsetRangeTracker residual = fn.newTracker(residualRange);
        List<String> residualCodes = new ArrayList<>();
        fn.readChunk(chunk, residual, page -> page.forEach(c -> residualCodes.add(c.getCode())));
        residual.checkDone();
        assertThat(residualCodes, is(not(empty())));

        codes.addAll(residualCodes);
        assertThat(codes.size(), is(250));
        assertThat(new HashSet<>(codes).size(), is(250));
        assertThat(codes, containsInAnyOrder(emulator.customerCodes().toArray()));
      } finally {
        fn.teardown();
      }
    }
  }

  @Test
  void aCheckpointLandsAfterThePagesFetchedAheadSoNoPageIsFetchedTwice() throws Exception {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(300).build())) {
      FormalooConfig config = Emulated.config(emulator);
      List<String> codes = new ArrayList<>();
      QueryPlan<Customer> plan = planFromPageOne(config, codes);
      PageChunk<Customer> chunk = new PageChunk<>(plan, 2, plan.lastPage + 1);
      ReadPagesFn<Customer> fn = new ReadPagesFn<>("checkpoint", config, 4);
      fn.setup();
      try {
        OffsetRangeTracker primary = fn.newTracker(fn.initialRestriction(chunk));
        List<SplitResult<OffsetRange>> checkpoints = new ArrayList<>();
        fn.readChunk(
            chunk,
            primary,
            page -> {
              page.forEach(c -> codes.add(c.getCode()));
              if (checkpoints.isEmpty()) {
                // as the Direct runner does after a second's work, while pages 3 to 5 are asked for
                checkpoints.add(primary.trySplit(0));
              }
            });
        primary.checkDone();
        OffsetRange rest = checkpoints.get(0).getResidual();
        assertThat(rest.getFrom(), is(6L));
        assertThat(primary.currentRestriction(), is(new OffsetRange(2, 6)));

        OffsetRangeTracker resumed = fn.newTracker(rest);
        fn.readChunk(chunk, resumed, page -> page.forEach(c -> codes.add(c.getCode())));
        resumed.checkDone();

        assertThat(codes, containsInAnyOrder(emulator.customerCodes().toArray()));
        Map<String, Long> requestsPerPage = new TreeMap<>();
        emulator.requestLog().stream()
            .filter(r -> r.endpoint().equals("GET /customers/"))
            .forEach(r -> requestsPerPage.merge(r.path(), 1L, Long::sum));
        assertThat(requestsPerPage.size(), is((int) plan.lastPage));
        assertThat(new HashSet<>(requestsPerPage.values()), is(Set.of(1L)));
      } finally {
        fn.teardown();
      }
    }
  }

  @Test
  void aCheckpointWhenEveryPageLeftIsInFlightLeavesAnEmptyRest() {
    QueryPlan<Customer> plan = new QueryPlan<>(ListQuery.of(ListEndpoint.CUSTOMERS), 100, 10, 10);
    ReadPagesFn<Customer> fn = new ReadPagesFn<>("restriction-only", FormalooConfigs.any(), 4);
    OffsetRangeTracker tracker = fn.newTracker(new OffsetRange(2, 5));
    assertThat(tracker.tryClaim(2L), is(true));
    // pages 2 to 4 are asked for: a checkpoint keeps them all here, and the rest is empty
    SplitResult<OffsetRange> checkpoint = tracker.trySplit(0);
    assertThat(checkpoint.getPrimary(), is(new OffsetRange(2, 5)));
    assertThat(checkpoint.getResidual(), is(new OffsetRange(5, 5)));
    // a runner rebalancing work finds nothing to take
    assertThat(tracker.trySplit(0.5), is(nullValue()));
  }

  /**
   * The rest of a checkpointed chunk is read by a call that knows nothing of the counts the pages
   * before it saw. Checkpointing after every few pages, at each of many points, while every list
   * request deletes 5 records, must lose no survivor: the call that reaches the shrunk end of the
   * list (a 404 past it) reads back as far as the shrinking reaches, even when the pages it reads
   * back are past the end by then too.
   */
  @Test
  void checkpointsAnywhereInAListShrinkingWhileItIsReadLoseNoSurvivor() throws Exception {
    List<String> runsWithMissingSurvivors = new ArrayList<>();
    for (int pagesInFlight : new int[] {1, 4}) {
      for (int pagesBetweenCheckpoints : new int[] {2, 3, 5, 6, 8, 9, 12, 18}) {
        try (FormalooEmulator emulator =
            FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(600).seed(1).build())) {
          emulator.setFaults(Faults.builder().deletesPerListRequest(5).build());
          Set<String> survivors = new HashSet<>(emulator.customerCodes());
          FormalooConfig config = Emulated.config(emulator);
          List<String> codes = new ArrayList<>();
          QueryPlan<Customer> plan = planFromPageOne(config, codes);
          PageChunk<Customer> chunk = new PageChunk<>(plan, 2, plan.lastPage + 1);
          ReadPagesFn<Customer> fn =
              new ReadPagesFn<>("shrinking-" + pagesBetweenCheckpoints, config, 1);
          fn.setup();
          try {
            readCheckpointingEvery(pagesBetweenCheckpoints, fn, chunk, codes);
          } finally {
            fn.teardown();
          }
          survivors.retainAll(emulator.customerCodes());
          survivors.removeAll(codes);
          if (!survivors.isEmpty()) {
            runsWithMissingSurvivors.add(
                pagesInFlight
                    + " in flight, checkpoint every "
                    + pagesBetweenCheckpoints
                    + ": "
                    + survivors.size()
                    + " missing");
          }
        }
      }
    }
    assertThat(runsWithMissingSurvivors, is(empty()));
  }

  /**
   * Reads {@code chunk} as the Direct runner would with a checkpoint after every {@code pages}
   * outputs: each checkpoint's rest is read by a new call, until none is left.
   */
  private static void readCheckpointingEvery(
      int pages, ReadPagesFn<Customer> fn, PageChunk<Customer> chunk, List<String> codes) {
    OffsetRange rest = fn.initialRestriction(chunk);
    while (rest != null) {
      OffsetRangeTracker tracker = fn.newTracker(rest);
      List<SplitResult<OffsetRange>> splits = new ArrayList<>();
      int[] outputs = {0};
      fn.readChunk(
          chunk,
          tracker,
          page -> {
            page.forEach(c -> codes.add(c.getCode()));
            if (++outputs[0] == pages) {
              splits.add(tracker.trySplit(0));
            }
          });
      tracker.checkDone();
      SplitResult<OffsetRange> split = splits.isEmpty() ? null : splits.get(0);
      rest = split == null ? null : split.getResidual();
    }
  }

  /**
   * The plan a read of all customers makes from page 1, in pages of 10, as {@link PlanQueryFn}
   * does; page 1's codes go to {@code codes}.
   */
  private static QueryPlan<Customer> planFromPageOne(FormalooConfig config, List<String> codes)
      throws Exception {
    try (FormalooClient client = FormalooClient.create(config)) {
      var first = client.listPage(ListEndpoint.CUSTOMERS, Map.of(), 1, 10);
      first.getRecords().forEach(c -> codes.add(c.getCode()));
      return PlanQueryFn.plan(ListQuery.of(ListEndpoint.CUSTOMERS), first);
    }
  }

  @Test
  void theRestrictionIsSizedByItsRecords() {
    QueryPlan<Customer> plan = new QueryPlan<>(ListQuery.of(ListEndpoint.CUSTOMERS), 1000, 25, 40);
    ReadPagesFn<Customer> fn = new ReadPagesFn<>("restriction-only", FormalooConfigs.any(), 1);
    assertThat(fn.size(new PageChunk<>(plan, 2, 12), new OffsetRange(2, 12)), is(250.0));
  }
}
