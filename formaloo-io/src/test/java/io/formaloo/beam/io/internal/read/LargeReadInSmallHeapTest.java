package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 100,000-customer read completes in a 256 MB heap (the emulator holding them included), each
 * customer once: the read streams pages and lets the runner checkpoint it, so it does not hold the
 * list, only the keys that remove the repeats. The build runs this class alone in a JVM started
 * with {@code -Xmx256m} (see the {@code large-read} surefire execution in this module's pom).
 */
class LargeReadInSmallHeapTest {
  private static final int CUSTOMERS = 100_000;

  @Test
  // Not a speed target (it takes well under a minute): a read that outgrows the heap can leave
  // the Direct runner stalled instead of failing, and this turns that stall into a failure.
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aHundredThousandCustomersReadInA256MbHeap() {
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertThat(
        "this test proves something only in a small heap; run it with -Xmx256m",
        maxHeap,
        lessThanOrEqualTo(300L * 1024 * 1024));
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(CUSTOMERS).maxPageSize(100).build())) {
      Pipeline p = Emulated.pipeline();
      PAssert.thatSingleton(
              p.apply(
                      FormalooIO.readCustomers()
                          .withConfig(Emulated.config(emulator))
                          .withPageSize(100))
                  .apply(Count.globally()))
          .isEqualTo((long) CUSTOMERS);
      p.run().waitUntilFinish();
    }
    System.out.printf("read %,d customers in a heap of at most %,d MB%n", CUSTOMERS, maxHeap >> 20);
  }
}
