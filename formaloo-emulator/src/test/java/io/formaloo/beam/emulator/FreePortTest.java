package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {
  /**
   * A client caches its token per base URL; an emulator that reused a closed one's port would
   * answer that token with 401 and make a counted request appear twice (seen in CI).
   */
  @Test
  void emulatorsStartedOneAfterAnotherNeverShareAPort() {
    Set<Integer> ports = new HashSet<>();
    int started = 60;
    for (int i = 0; i < started; i++) {
      try (FormalooEmulator emulator = FormalooEmulator.start()) {
        ports.add(emulator.port());
      }
    }
    assertThat(ports.size(), is(started));
  }
}
