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
import java.util.function.IntPredicate;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.checkerframework.checker.nullness.qual.Nullable;
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
        // as a runner rebalancing work would, after 3 pages: half of what is left goes elsewhere
        List<Call> calls = readInCalls(fn, chunk, 3, 0.5, call -> call == 0);
        Call first = calls.get(0);
        assertThat(first.split(), notNullValue());
        OffsetRange residualRange = first.split().getResidual();
        assertThat(residualRange.getFrom(), greaterThan(first.primary().getFrom()));
        assertThat(first.primary().getTo(), is(residualRange.getFrom()));
        assertThat(calls.get(1).codes(), is(not(empty())));

        calls.forEach(call -> codes.addAll(call.codes()));
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
        // as the Direct runner does after a second's work, while pages 3 to 5 are asked for
        List<Call> calls = readInCalls(fn, chunk, 1, 0, call -> call == 0);
        assertThat(calls.get(0).split().getResidual().getFrom(), is(6L));
        assertThat(calls.get(0).primary(), is(new OffsetRange(2, 6)));

        calls.forEach(call -> codes.addAll(call.codes()));
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
              new ReadPagesFn<>(
                  "shrinking-" + pagesInFlight + "-" + pagesBetweenCheckpoints,
                  config,
                  pagesInFlight);
          fn.setup();
          try {
            readInCalls(fn, chunk, pagesBetweenCheckpoints, 0, call -> true)
                .forEach(call -> codes.addAll(call.codes()));
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
   * One call of the splittable DoFn: the restriction it ended with, the split a runner took while
   * it ran (null if none was taken or possible), and the codes it read.
   */
  private record Call(
      OffsetRange primary, @Nullable SplitResult<OffsetRange> split, List<String> codes) {}

  /**
   * Reads {@code chunk} in calls, as a runner would: in each call that {@code splitsIn} picks (by
   * its index), the runner asks for {@code trySplit(fraction)} once, after {@code outputs} outputs
   * (0 is a checkpoint); the rest is read by the next call, until none is left.
   */
  private static List<Call> readInCalls(
      ReadPagesFn<Customer> fn,
      PageChunk<Customer> chunk,
      int outputs,
      double fraction,
      IntPredicate splitsIn) {
    List<Call> calls = new ArrayList<>();
    OffsetRange rest = fn.initialRestriction(chunk);
    while (rest != null) {
      OffsetRangeTracker tracker = fn.newTracker(rest);
      boolean splitting = splitsIn.test(calls.size());
      List<SplitResult<OffsetRange>> splits = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      int[] outputsSoFar = {0};
      fn.readChunk(
          chunk,
          tracker,
          page -> {
            page.forEach(c -> codes.add(c.getCode()));
            if (splitting && ++outputsSoFar[0] == outputs) {
              splits.add(tracker.trySplit(fraction));
            }
          });
      tracker.checkDone();
      SplitResult<OffsetRange> split = splits.isEmpty() ? null : splits.get(0);
      calls.add(new Call(tracker.currentRestriction(), split, codes));
      rest = split == null ? null : split.getResidual();
    }
    return calls;
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
