package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.Churn;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.read.ListGrowsTooFastException;
import io.formaloo.beam.io.read.ListReadException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/**
 * What cannot be read is accounted for, not dropped and not fatal: with an error handler it goes
 * there naming the query, the page and why (with the record's JSON), and everything else is read;
 * without one, the read fails with a message that names the page.
 */
class ReadFailuresTest {

  /** A read with an error handler: the codes read, and the bad records the handler got. */
  private static final class Outcome {
    List<String> codes;
    List<BadRecord> failures;
  }

  private static Outcome readWithHandler(
      FormalooEmulator emulator, FormalooIO.Read<Customer> read) {
    Pipeline p = Emulated.pipeline();
    PTransform<PCollection<BadRecord>, PCollection<BadRecord>> identity =
        new PTransform<PCollection<BadRecord>, PCollection<BadRecord>>() {
          @Override
          public PCollection<BadRecord> expand(PCollection<BadRecord> input) {
            return input;
          }
        };
    BadRecordErrorHandler<PCollection<BadRecord>> handler =
        p.registerBadRecordErrorHandler(identity);
    PCollection<String> codes =
        p.apply(read.withConfig(Emulated.config(emulator)).withErrorHandler(handler))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Customer::getCode));
    handler.close();
    CollectedOutput<String> collectedCodes = CollectedOutput.of(codes);
    CollectedOutput<BadRecord> collectedFailures = CollectedOutput.of(handler.getOutput());
    p.run().waitUntilFinish();
    Outcome outcome = new Outcome();
    outcome.codes = collectedCodes.elements();
    outcome.failures = collectedFailures.elements();
    return outcome;
  }

  /**
   * 300 customers, and 12 new ones before every answer of pages of 10: a read can never reach the
   * end.
   */
  private static FormalooEmulator growingFasterThanItIsRead() {
    FormalooEmulator emulator = emulatorWith(300);
    emulator.setFaults(
        Faults.builder()
            .serverPageSize(10)
            .churn(Churn.builder().perRequest(12, 0).build())
            .build());
    return emulator;
  }

  private static FormalooEmulator emulatorWith(int customers) {
    return FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(customers).build());
  }

  @Test
  void aMalformedRecordGoesToTheErrorHandlerWithItsJsonAndEverythingElseIsRead() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      List<String> codes = emulator.customerCodes();
      String bad = codes.get(42); // page 5 at 10 a page
      emulator.malformCustomer(bad);
      emulator.setFaults(Faults.builder().serverPageSize(10).build());

      Outcome outcome = readWithHandler(emulator, FormalooIO.readCustomers());

      List<String> good = new ArrayList<>(codes);
      good.remove(bad);
      assertThat(outcome.codes, containsInAnyOrder(good.toArray()));
      assertThat(outcome.failures, hasSize(1));
      BadRecord failure = outcome.failures.get(0);
      assertThat(failure.getRecord().getHumanReadableJsonRecord(), containsString(bad));
      assertThat(failure.getFailure().getException(), is("UNREADABLE_RECORD"));
      assertThat(
          failure.getFailure().getDescription(),
          allOf(
              containsString("/customers/"),
              containsString("page 5"),
              containsString("does not map onto the model")));
    }
  }

  @Test
  void aPageThatFailsPastEveryRetryGoesToTheErrorHandlerAndTheRestIsRead() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      List<String> codes = emulator.customerCodes();
      emulator.setFaults(Faults.builder().serverPageSize(10).failingPage(4).build());

      Outcome outcome = readWithHandler(emulator, FormalooIO.readCustomers());

      List<String> others = new ArrayList<>(codes.subList(0, 30));
      others.addAll(codes.subList(40, codes.size()));
      assertThat(outcome.codes, containsInAnyOrder(others.toArray()));
      assertThat(outcome.failures, hasSize(1));
      BadRecord failure = outcome.failures.get(0);
      assertThat(failure.getFailure().getException(), is("REMOTE"));
      assertThat(
          failure.getFailure().getDescription(),
          allOf(
              containsString("/customers/"),
              containsString("page 4 failed after the retries"),
              containsString("500")));
    }
  }

  @Test
  void withoutAnErrorHandlerAMalformedRecordFailsTheReadNamingThePage() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      emulator.malformCustomer(emulator.customerCodes().get(42));
      emulator.setFaults(Faults.builder().serverPageSize(10).build());

      Throwable cause = failedRead(emulator, FormalooIO.readCustomers());

      assertThat(cause, instanceOf(ListReadException.class));
      assertThat(
          cause.getMessage(),
          allOf(
              containsString("/customers/"),
              containsString("page 5"),
              containsString("withErrorHandler")));
    }
  }

  @Test
  void withoutAnErrorHandlerAFailingPageFailsTheReadNamingThePage() {
    try (FormalooEmulator emulator = emulatorWith(95)) {
      emulator.setFaults(Faults.builder().serverPageSize(10).failingPage(4).build());

      Throwable cause = failedRead(emulator, FormalooIO.readCustomers());

      assertThat(cause, instanceOf(ListReadException.class));
      assertThat(cause.getMessage(), containsString("page 4 failed after the retries"));
    }
  }

  @Test
  void aListGrowingFasterThanItIsReadEndsWithinItsBoundNamingTheGrowth() {
    try (FormalooEmulator emulator = growingFasterThanItIsRead()) {

      Throwable cause = failedRead(emulator, FormalooIO.readCustomers());

      assertThat(cause, instanceOf(ListGrowsTooFastException.class));
      assertThat(
          cause.getMessage(),
          allOf(
              containsString("/customers/"),
              containsString("went from"),
              containsString("one query per day")));
      // page 1 already answered with 312 customers: 32 pages
      long bound = ListCursor.REQUESTS_PER_PLANNED_PAGE * 32L + ListCursor.EXTRA_REQUESTS;
      assertThat(emulator.endpointCount("GET /customers/"), lessThanOrEqualTo(bound));
    }
  }

  @Test
  void aListGrowingFasterThanItIsReadGoesToTheErrorHandlerAndWhatWasReadIsKept() {
    try (FormalooEmulator emulator = growingFasterThanItIsRead()) {

      Outcome outcome = readWithHandler(emulator, FormalooIO.readCustomers());

      assertThat(outcome.failures, hasSize(1));
      assertThat(outcome.failures.get(0).getFailure().getException(), is("LIST_GROWS_TOO_FAST"));
      // what was read is still output, each record once
      assertThat(outcome.codes.isEmpty(), is(false));
      assertThat(outcome.codes.size(), is(new HashSet<>(outcome.codes).size()));
    }
  }

  private static Throwable failedRead(FormalooEmulator emulator, FormalooIO.Read<Customer> read) {
    Pipeline p = Emulated.pipeline();
    p.apply(read.withConfig(Emulated.config(emulator)));
    Pipeline.PipelineExecutionException failed =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    return failed.getCause();
  }
}
