package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.read.ListReadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code readCustomers()} against a hostile API: a count that cannot be true, links and redirects
 * to another host, overfull pages. Each read ends, whole or with a clear error, without sending
 * credentials to the other host and without leaving its page-fetching threads behind.
 */
class ReadHostileAnswersTest {
  private static final Duration NO_HANG = Duration.ofSeconds(60);

  private FormalooEmulator emulator;

  /** Another host: 127.0.0.2 is loopback too, but not the base URL's host. */
  private FormalooEmulator foreign;

  private Set<Thread> readThreadsBefore;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(95).build());
    foreign =
        FormalooEmulator.start(EmulatorConfig.builder().host("127.0.0.2").seedCustomers(5).build());
    readThreadsBefore = readThreads();
  }

  @AfterEach
  void stop() {
    foreign.close();
    emulator.close();
  }

  @Test
  void aCountOfHundredsOfMillionsOfPagesReadsTheRealPagesInAFewDozenRequests() {
    // 10^9 records at 10 a page: 10^8 pages planned, 10 real ones.
    emulator.setFaults(Faults.builder().wrongCount(1_000_000_000L).build());
    List<String> expected = emulator.customerCodes();

    read(FormalooIO.readCustomers().withPageSize(10), expected);

    // Page 1, then pages in flight up to one past the real end (a 404 where the count says there
    // are pages: the batch is not believed), then the real pages again one at a time: a few
    // dozen requests, not 10^8.
    assertThat(emulator.endpointCount("GET /customers/"), lessThan(80L));
    assertReadThreadsEnded();
  }

  @Test
  void aCountBeyondEveryPageNumberFailsTheReadWithARemoteError() {
    emulator.setFaults(Faults.builder().wrongCount(1_000_000_000_000L).build());

    FormalooException e = failedRead(FormalooIO.readCustomers().withPageSize(10));
    assertThat(e.kind(), is(ErrorKind.REMOTE));
    assertThat(e.getMessage(), containsString("'page_count' is out of the range"));
    assertThat(emulator.endpointCount("GET /customers/"), is(1L));
  }

  @Test
  void aNegativeCountFailsTheReadWithARemoteError() {
    emulator.setFaults(Faults.builder().wrongCount(-1).build());

    FormalooException e = failedRead(FormalooIO.readCustomers().withPageSize(10));
    assertThat(e.kind(), is(ErrorKind.REMOTE));
    assertThat(e.getMessage(), containsString("the answer is not a valid page: count is -1"));
  }

  @Test
  void nextLinksToAnotherHostAreNeverFollowedAndTheReadIsWhole() {
    emulator.setFaults(Faults.builder().foreignNext(foreign.baseUrl()).build());

    read(FormalooIO.readCustomers().withPageSize(10), emulator.customerCodes());

    assertThat(foreign.requestLog(), is(empty()));
    assertReadThreadsEnded();
  }

  @Test
  void aRedirectToAnotherHostFailsTheReadNamingItWithoutFollowing() {
    emulator.setFaults(Faults.builder().foreignRedirect(foreign.baseUrl()).build());

    FormalooException e = failedRead(FormalooIO.readCustomers().withPageSize(10));
    assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(e.getMessage(), containsString("redirected to 127.0.0.2"));
    assertThat(foreign.requestLog(), is(empty()));
  }

  @Test
  void overfullPagesReadEveryRecordOnce() {
    emulator.setFaults(
        Faults.builder()
            .hostileAnswer(io.formaloo.beam.emulator.HostileAnswer.OVERFULL_PAGE)
            .build());

    read(FormalooIO.readCustomers().withPageSize(10), emulator.customerCodes());
  }

  private void read(FormalooIO.Read<Customer> read, List<String> expected) {
    Pipeline p = Emulated.pipeline();
    PCollection<String> codes =
        p.apply(read.withConfig(Emulated.config(emulator)))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Customer::getCode));
    PAssert.that(codes).containsInAnyOrder(expected);
    PipelineResult.State state =
        assertTimeoutPreemptively(NO_HANG, () -> p.run().waitUntilFinish());
    assertThat(state, is(PipelineResult.State.DONE));
  }

  /**
   * The client's error that failed the read: itself for a configuration error (no page can
   * succeed), else the cause of the read's error, which names the page.
   */
  private FormalooException failedRead(FormalooIO.Read<Customer> read) {
    Pipeline p = Emulated.pipeline();
    p.apply(read.withConfig(Emulated.config(emulator)));
    Pipeline.PipelineExecutionException failed =
        assertTimeoutPreemptively(
            NO_HANG, () -> assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run()));
    if (failed.getCause() instanceof FormalooException) {
      return (FormalooException) failed.getCause();
    }
    assertThat(failed.getCause(), instanceOf(ListReadException.class));
    assertThat(failed.getCause().getMessage(), containsString("/customers/: page 1 failed"));
    assertThat(failed.getCause().getCause(), instanceOf(FormalooException.class));
    return (FormalooException) failed.getCause().getCause();
  }

  /**
   * The read's page-fetching threads started by this test end once the pipeline is done (those that
   * ended already are gone from the JVM's list of threads; the others are awaited).
   */
  private void assertReadThreadsEnded() {
    List<Thread> started = new ArrayList<>(readThreads());
    started.removeAll(readThreadsBefore);
    for (Thread t : started) {
      assertTimeoutPreemptively(NO_HANG, () -> t.join());
    }
    List<String> alive =
        started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList());
    assertThat(alive, is(empty()));
  }

  private static Set<Thread> readThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("formaloo-read-"))
        .collect(Collectors.toSet());
  }
}
