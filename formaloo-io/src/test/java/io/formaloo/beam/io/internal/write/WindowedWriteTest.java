package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Sessions;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes work in streaming pipelines and under any windowing; results keep the input's windows. */
class WindowedWriteTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Duration MINUTE = Duration.standardMinutes(1);

  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static List<TimestampedValue<Customer>> at(Instant time, int from, int to) {
    List<TimestampedValue<Customer>> events = new ArrayList<>();
    for (Customer c : Fixtures.customers(from, to)) {
      events.add(TimestampedValue.of(c, time));
    }
    return events;
  }

  private static PCollection<String> emails(FormalooIO.Write.Result result) {
    return result
        .getWritten()
        .apply(MapElements.into(TypeDescriptors.strings()).via(WrittenRecord::getEmail));
  }

  private static List<String> emails(int from, int to) {
    List<String> emails = new ArrayList<>();
    for (int i = from; i < to; i++) {
      emails.add(Fixtures.email(i));
    }
    return emails;
  }

  @Test
  void aStreamingPipelineWithFixedWindowsWritesEveryRecordAndKeepsItsWindow() {
    Pipeline p = Emulated.pipeline();
    // Two bursts a minute apart. A batch that does not fill waits at most the buffering time
    // (2 s): processing time moves past it after each burst, before the watermark passes the
    // burst's window. (The Direct runner does not hold the watermark for the buffering timer, so
    // batches still buffered when the watermark passes their window would come out late there.)
    TestStream.Builder<Customer> events =
        TestStream.create(Fixtures.coder(p, Customer.class)).advanceWatermarkTo(T0);
    events = add(events, at(T0.plus(Duration.standardSeconds(5)), 0, 15));
    events = events.advanceProcessingTime(Duration.standardSeconds(10));
    events = events.advanceWatermarkTo(T0.plus(MINUTE));
    events = add(events, at(T0.plus(MINUTE).plus(Duration.standardSeconds(5)), 15, 40));
    events = events.advanceProcessingTime(Duration.standardSeconds(10));
    TestStream<Customer> stream =
        events.advanceWatermarkTo(T0.plus(MINUTE.multipliedBy(3))).advanceWatermarkToInfinity();
    PCollection<Customer> windowed = p.apply(stream).apply(Window.into(FixedWindows.of(MINUTE)));
    FormalooIO.Write.Result result =
        windowed.apply(
            FormalooIO.writeCustomers()
                .withConfig(Emulated.config(emulator))
                .withShards(2)
                .withBatchSize(10)
                .withMaxBufferingDuration(java.time.Duration.ofSeconds(2)));

    PAssert.that(emails(result))
        .inWindow(new IntervalWindow(T0, MINUTE))
        .containsInAnyOrder(emails(0, 15));
    PAssert.that(emails(result))
        .inWindow(new IntervalWindow(T0.plus(MINUTE), MINUTE))
        .containsInAnyOrder(emails(15, 40));
    PAssert.that(result.getFailed()).empty();
    p.run().waitUntilFinish();

    assertThat(emulator.customerCount(), is(40));
  }

  @Test
  void mergingWindowsWorkAndEachResultGetsItsRecordsSessionWindow() {
    Pipeline p = Emulated.pipeline();
    List<TimestampedValue<Customer>> events = new ArrayList<>();
    Map<String, Instant> times = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      // Two bursts an hour apart: two sessions.
      Instant time = T0.plus(Duration.standardHours(i / 12)).plus(Duration.standardSeconds(i));
      events.add(TimestampedValue.of(Fixtures.customer(i), time));
      times.put(Fixtures.email(i), time);
    }
    PCollection<Customer> sessions =
        p.apply(Create.timestamped(events).withCoder(Fixtures.coder(p, Customer.class)))
            .apply(Window.into(Sessions.withGapDuration(MINUTE)));
    FormalooIO.Write.Result result =
        sessions.apply(
            FormalooIO.writeCustomers().withConfig(Emulated.config(emulator)).withBulkImport());
    CollectedOutput<KV<String, IntervalWindow>> windows =
        CollectedOutput.of(result.getWritten().apply(ParDo.of(new WindowOfFn())));
    p.run().waitUntilFinish();

    assertThat(emulator.customerCount(), is(20));
    assertThat(
        result.getWritten().getWindowingStrategy().getWindowFn(), instanceOf(Sessions.class));
    assertThat(result.getFailed().getWindowingStrategy().getWindowFn(), instanceOf(Sessions.class));
    assertThat(windows.elements(), hasSize(20));
    // Each result is in its record's session window, unmerged as the input's were: a
    // GroupByKey downstream merges them as it would have merged the records.
    for (KV<String, IntervalWindow> w : windows.elements()) {
      Instant time = times.get(w.getKey());
      assertThat(w.getValue(), is(new IntervalWindow(time, MINUTE)));
    }
  }

  /** The email of a result and the window it is in. */
  private static final class WindowOfFn extends DoFn<WrittenRecord, KV<String, IntervalWindow>> {
    @ProcessElement
    public void process(
        @Element WrittenRecord w,
        BoundedWindow window,
        OutputReceiver<KV<String, IntervalWindow>> out) {
      out.output(KV.of(w.getEmail(), (IntervalWindow) window));
    }
  }

  @SuppressWarnings("unchecked")
  private static TestStream.Builder<Customer> add(
      TestStream.Builder<Customer> stream, List<TimestampedValue<Customer>> events) {
    return stream.addElements(
        events.get(0), events.subList(1, events.size()).toArray(new TimestampedValue[0]));
  }
}
