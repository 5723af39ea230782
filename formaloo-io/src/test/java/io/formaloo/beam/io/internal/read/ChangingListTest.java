package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/**
 * Records inserted or deleted while a list is read shift the others between pages. No record that
 * existed when the read started and still exists when it ends may be missing.
 */
class ChangingListTest {

  private static List<String> readCodes(FormalooEmulator emulator, FormalooIO.Read<Customer> read) {
    return ChurnReadTest.readCodes(emulator, read);
  }

  private static FormalooEmulator emulator(Faults churn) {
    FormalooEmulator emulator =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(600).seed(11).build());
    emulator.setFaults(churn);
    return emulator;
  }

  private static Set<String> missing(
      Set<String> before, FormalooEmulator emulator, List<String> read) {
    Set<String> survivors = new HashSet<>(before);
    survivors.retainAll(new HashSet<>(emulator.customerCodes()));
    survivors.removeAll(new HashSet<>(read));
    return survivors;
  }

  private static int duplicates(List<String> read) {
    return read.size() - new HashSet<>(read).size();
  }

  @Test
  void insertsDuringTheReadLoseNothingAndDeduplicationRemovesTheRepeats() {
    // one insert per request, from every chunk read in parallel: the list grows while it is read,
    // but slower than it is read
    try (FormalooEmulator emulator = emulator(Faults.builder().insertsPerListRequest(1).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      List<String> read = readCodes(emulator, FormalooIO.readCustomers().withPageSize(10));
      assertThat(missing(before, emulator, read), is(empty()));
      assertThat(duplicates(read), is(0));
      assertThat(emulator.customerCount(), greaterThan(before.size()));
    }
  }

  @Test
  void insertsDuringTheReadLoseNothingWithoutDeduplicationEither() {
    try (FormalooEmulator emulator = emulator(Faults.builder().insertsPerListRequest(1).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      List<String> read =
          readCodes(emulator, FormalooIO.readCustomers().withPageSize(10).withoutDeduplication());
      assertThat(missing(before, emulator, read), is(empty()));
      // the shifting made some records appear on two pages; nothing removed them
      assertThat(duplicates(read), greaterThan(0));
    }
  }

  @Test
  void deletesDuringTheReadLoseNoSurvivor() {
    try (FormalooEmulator emulator = emulator(Faults.builder().deletesPerListRequest(3).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      List<String> read = readCodes(emulator, FormalooIO.readCustomers().withPageSize(10));
      assertThat(emulator.customerCount(), is(lessThanBefore(before)));
      assertThat(missing(before, emulator, read), is(empty()));
      assertThat(duplicates(read), is(0));
    }
  }

  @Test
  void deletesDuringAReadInOneChunkWithOneRequestInFlight() {
    try (FormalooEmulator emulator = emulator(Faults.builder().deletesPerListRequest(5).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      List<String> read = readCodes(emulator, oneRequestAtATime());
      assertThat(missing(before, emulator, read), is(empty()));
    }
  }

  @Test
  void aListThatGrowsPastItsPlannedEndIsFollowed() {
    try (FormalooEmulator emulator = emulator(Faults.builder().insertsPerListRequest(3).build())) {
      Set<String> before = new HashSet<>(emulator.customerCodes());
      List<String> read = readCodes(emulator, oneRequestAtATime());
      assertThat(missing(before, emulator, read), is(empty()));
      // 600 planned in 60 pages; every page request adds 3 more, so more than 60 pages exist
      assertThat(emulator.endpointCount("GET /customers/"), greaterThan(60L));
    }
  }

  /** A read with one page request in flight at a time: strictly in order. */
  private static FormalooIO.Read<Customer> oneRequestAtATime() {
    return FormalooIO.readCustomers().withPageSize(10).withMaxConcurrentPageRequests(1);
  }

  @Test
  void activitiesDeletedDuringARead() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(50).seedActivities(700).build())) {
      emulator.setFaults(Faults.builder().deletesPerListRequest(2).build());
      Set<String> before = new HashSet<>(emulator.activitySlugs());
      Pipeline p = Emulated.pipeline();
      CollectedOutput<String> slugs =
          CollectedOutput.of(
              p.apply(
                      FormalooIO.readActivities()
                          .withConfig(Emulated.config(emulator))
                          .withPageSize(10))
                  .apply(MapElements.into(TypeDescriptors.strings()).via(Activity::getSlug)));
      p.run().waitUntilFinish();
      Set<String> survivors = new HashSet<>(before);
      survivors.retainAll(new HashSet<>(emulator.activitySlugs()));
      Set<String> read = slugs.elements().stream().collect(Collectors.toSet());
      survivors.removeAll(read);
      assertThat(survivors, is(empty()));
    }
  }

  private static org.hamcrest.Matcher<Integer> lessThanBefore(Set<String> before) {
    return org.hamcrest.Matchers.lessThan(before.size());
  }
}
