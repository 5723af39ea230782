package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.Churn;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read's guarantee, tried against every way the list may change while it is read: no record
 * that existed when the read started and still exists when it ends is missing, and none comes out
 * twice. The server chooses its page size (it ignores {@code page_size}, as the reference's own
 * example does), lists newest first, serves concurrent requests in any order (latency with jitter
 * before each answer), and changes the list before every list answer: inserts at the head, deletes
 * at random places, both at once at equal rates (the count stays still), in bursts and per second.
 * Each case runs several times, each with other dice, so that a rare loss cannot hide.
 */
class ChurnReadTest {
  private static final int RUNS = 3;

  enum Mode {
    STILL(Churn.none()),
    INSERTS_SLOW(Churn.builder().perRequest(0.1, 0).build()),
    INSERTS_FAST(Churn.builder().perRequest(1, 0).build()),
    DELETES_SLOW(Churn.builder().perRequest(0, 0.1).build()),
    DELETES_FAST(Churn.builder().perRequest(0, 1).build()),
    BOTH_EQUAL_SLOW(Churn.builder().perRequest(0.2, 0.2).build()),
    BOTH_EQUAL_FAST(Churn.builder().perRequest(1, 1).build()),
    INSERT_BURSTS(Churn.builder().bursts(15, 25, 0).build()),
    DELETE_BURSTS(Churn.builder().bursts(15, 0, 25).build()),
    BURSTS_OF_BOTH(Churn.builder().bursts(10, 12, 12).build()),
    PER_SECOND(Churn.builder().perSecond(400, 400).build());

    final Churn churn;

    Mode(Churn churn) {
      this.churn = churn;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      for (int pageSize : new int[] {10, 100}) {
        for (int inFlight : new int[] {1, 16}) {
          cases.add(Arguments.of(mode, pageSize, inFlight));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, pages of {1}, {2} in flight")
  @MethodSource("cases")
  void noSurvivorIsMissingAndNoneComesOutTwice(Mode mode, int pageSize, int inFlight) {
    for (int run = 0; run < RUNS; run++) {
      try (FormalooEmulator emulator =
          FormalooEmulator.start(
              EmulatorConfig.builder().seedCustomers(pageSize * 60).seed(run + 1).build())) {
        Set<String> before = new HashSet<>(emulator.customerCodes());
        emulator.setFaults(
            Faults.builder()
                .churn(mode.churn)
                .serverPageSize(pageSize)
                .latency(Duration.ZERO, Duration.ofMillis(2))
                .build());
        List<String> read =
            readCodes(emulator, FormalooIO.readCustomers().withMaxConcurrentPageRequests(inFlight));

        Set<String> survivors = new HashSet<>(before);
        survivors.retainAll(new HashSet<>(emulator.customerCodes()));
        survivors.removeAll(read);
        assertThat("run " + run + ": survivors missing", survivors, is(empty()));
        assertThat(
            "run " + run + ": records read twice", read.size(), is(new HashSet<>(read).size()));
      }
    }
  }

  static List<String> readCodes(FormalooEmulator emulator, FormalooIO.Read<Customer> read) {
    Pipeline p = Emulated.pipeline();
    CollectedOutput<String> codes =
        CollectedOutput.of(
            p.apply(read.withConfig(Emulated.config(emulator)))
                .apply(MapElements.into(TypeDescriptors.strings()).via(Customer::getCode)));
    p.run().waitUntilFinish();
    return codes.elements();
  }
}
