package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class ReadCustomersTest {

  /** Runs {@code read} and checks it read exactly {@code expected}, each code once. */
  static void assertReadsExactly(
      FormalooEmulator emulator, FormalooIO.Read<Customer> read, List<String> expected) {
    assertReadsExactly(Emulated.config(emulator), read, expected);
  }

  static void assertReadsExactly(
      io.formaloo.beam.io.client.FormalooConfig config,
      FormalooIO.Read<Customer> read,
      List<String> expected) {
    Pipeline p = Emulated.pipeline();
    PCollection<String> codes =
        p.apply(read.withConfig(config))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Customer::getCode));
    PAssert.that(codes).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  /**
   * How often each page of the customers was answered (a request lost to a stale keep-alive
   * connection and retried is not a page read twice).
   */
  static Map<Integer, Long> answersByPage(FormalooEmulator emulator) {
    Pattern page = Pattern.compile("[?&]page=(\\d+)");
    Map<Integer, Long> answers = new TreeMap<>();
    for (RequestLogEntry r : emulator.requestLog()) {
      if (r.endpoint().equals("GET /customers/") && r.status() == 200) {
        Matcher m = page.matcher(r.path());
        answers.merge(m.find() ? Integer.parseInt(m.group(1)) : 1, 1L, Long::sum);
      }
    }
    return answers;
  }

  /**
   * A still list of {@code pages} pages is read with every page once, and page 1 once more after
   * each batch of pages in flight (what shows the list did not change): batches of 2, 8, 32, ... at
   * least (a batch after a still one reads on while its last answers are out), so page 1 at most
   * once per batch of that schedule, and at least once after the first.
   */
  static void assertEveryPageOnceAndPage1PerBatch(FormalooEmulator emulator, int pages) {
    Map<Integer, Long> answers = answersByPage(emulator);
    int batches = 0;
    for (int covered = 1, size = BatchPacing.FIRST_BATCH;
        covered < pages;
        covered += size, size *= BatchPacing.BATCH_GROWTH) {
      batches++;
    }
    Map<Integer, Long> otherPages = new TreeMap<>(answers);
    Long page1 = otherPages.remove(1);
    Map<Integer, Long> once = new TreeMap<>();
    for (int p = 2; p <= pages; p++) {
      once.put(p, 1L);
    }
    assertThat(answers.toString(), otherPages, is(once));
    assertThat(
        answers.toString(),
        page1,
        is(both(greaterThanOrEqualTo(pages > 1 ? 2L : 1L)).and(lessThanOrEqualTo(1L + batches))));
  }

  private static FormalooEmulator emulatorWith(int customers) {
    return FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(customers).build());
  }

  @Test
  void anEmptyListReadsNothing() {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      assertReadsExactly(emulator, FormalooIO.readCustomers(), List.of());
      assertThat(emulator.endpointCount("GET /customers/"), is(1L));
    }
  }

  @Test
  void oneRecord() {
    try (FormalooEmulator emulator = emulatorWith(1)) {
      assertReadsExactly(emulator, FormalooIO.readCustomers(), emulator.customerCodes());
    }
  }

  @Test
  void exactlyOneFullPageTakesOneRequest() {
    try (FormalooEmulator emulator = emulatorWith(100)) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(100), emulator.customerCodes());
      assertThat(emulator.endpointCount("GET /customers/"), is(1L));
    }
  }

  @Test
  void manyPagesReadEveryRecordOnceAndEveryPageOnce() {
    try (FormalooEmulator emulator = emulatorWith(2_345)) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(50), emulator.customerCodes());
      // 47 pages: nothing changed, so no page but page 1 was read again.
      assertEveryPageOnceAndPage1PerBatch(emulator, 47);
    }
  }

  @Test
  void everyPageRequestIsCountedInThePipelinesMetricsThoughPoolThreadsSendThem() {
    try (FormalooEmulator emulator = emulatorWith(2_345)) {
      Pipeline p = Emulated.pipeline();
      p.apply(FormalooIO.readCustomers().withConfig(Emulated.config(emulator)).withPageSize(50));
      PipelineResult result = p.run();
      result.waitUntilFinish();

      long counted =
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.named("formaloo", "requests"))
                      .build())
              .getCounters()
              .iterator()
              .next()
              .getCommitted();
      // Every request the emulator saw, the token's and the page requests'.
      assertThat(counted, is(emulator.requestCount()));
    }
  }

  @Test
  void theServersPageSizeIsTrustedOverTheOneAskedFor() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(95).maxPageSize(30).build())) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(100), emulator.customerCodes());
      assertEveryPageOnceAndPage1PerBatch(emulator, 4);
    }
  }

  @Test
  void theServersDefaultPageSizeWhenAskedForNone() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withServerPageSize(), emulator.customerCodes());
      assertEveryPageOnceAndPage1PerBatch(emulator, 10);
    }
  }

  @Test
  void oneRequestInFlightReadsTheSame() {
    try (FormalooEmulator emulator = emulatorWith(333)) {
      assertReadsExactly(
          emulator,
          FormalooIO.readCustomers().withPageSize(10).withMaxConcurrentPageRequests(1),
          emulator.customerCodes());
    }
  }

  @Test
  void filtersAreSentAsQueryParameters() {
    try (FormalooEmulator emulator = emulatorWith(300)) {
      List<String> expected = new java.util.ArrayList<>();
      for (String email :
          List.of(
              "customer12",
              "customer120",
              "customer121",
              "customer122",
              "customer123",
              "customer124",
              "customer125",
              "customer126",
              "customer127",
              "customer128",
              "customer129")) {
        expected.add(emulator.findCustomerByEmail(email + "@example.com").get("code").asText());
      }
      assertReadsExactly(
          emulator,
          FormalooIO.readCustomers().withFilters(Map.of("search", "customer12")).withPageSize(3),
          expected);
    }
  }

  @Test
  void recordsCarryTheirSchema() {
    try (FormalooEmulator emulator = emulatorWith(3)) {
      Pipeline p = Emulated.pipeline();
      PCollection<Customer> customers =
          p.apply(FormalooIO.readCustomers().withConfig(Emulated.config(emulator)));
      assertThat(customers.hasSchema(), is(true));
      PAssert.thatSingleton(customers.apply(Convert.toRows()).apply(Count.globally()))
          .isEqualTo(3L);
      p.run().waitUntilFinish();
    }
  }
}
