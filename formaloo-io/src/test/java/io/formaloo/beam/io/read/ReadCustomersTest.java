package io.formaloo.beam.io.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
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
          emulator,
          FormalooIO.readCustomers().withPageSize(50).withoutDeduplication(),
          emulator.customerCodes());
      // 47 pages, each fetched once, 4 in flight: nothing changed, so nothing was read again.
      long pagesAnswered =
          emulator.requestLog().stream()
              .filter(r -> r.endpoint().equals("GET /customers/") && r.status() == 200)
              .count();
      // (a request lost to a stale keep-alive connection and retried is not a page read twice)
      assertThat(pagesAnswered, is(47L));
    }
  }

  @Test
  void theServersPageSizeIsTrustedOverTheOneAskedFor() {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(95).maxPageSize(30).build())) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withPageSize(100), emulator.customerCodes());
      assertThat(emulator.endpointCount("GET /customers/"), is(4L));
    }
  }

  @Test
  void theServersDefaultPageSizeWhenAskedForNone() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      assertReadsExactly(
          emulator, FormalooIO.readCustomers().withServerPageSize(), emulator.customerCodes());
      assertThat(emulator.endpointCount("GET /customers/"), is(10L));
    }
  }

  @Test
  void smallChunksAndOneRequestInFlightReadTheSame() {
    try (FormalooEmulator emulator = emulatorWith(333)) {
      assertReadsExactly(
          emulator,
          FormalooIO.readCustomers()
              .withPageSize(10)
              .withPagesPerChunk(1)
              .withMaxConcurrentPageRequests(1),
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
