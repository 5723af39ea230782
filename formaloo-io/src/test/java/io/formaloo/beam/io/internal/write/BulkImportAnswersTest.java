package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.formaloo.beam.emulator.BatchImportAnswer;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.RequestLogEntry;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bulk write of customers some of which the server refuses by a rule no client can check (every
 * customer at one e-mail domain), against every shape an imported job's answer can take: whatever
 * the answer says or leaves out, exactly the accepted customers land and are reported written, and
 * exactly the refused ones are reported failed, with the server's reason.
 */
class BulkImportAnswersTest {
  private static final String BLOCKED = "blocked.example";
  private static final String REFUSAL =
      "Customers with an e-mail address at blocked.example are not accepted.";

  /** 60 customers: every tenth refused by the rule, two known by their phone only. */
  private static final List<Customer> INPUT = input();

  private static List<Customer> input() {
    List<Customer> input = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Customer c = Fixtures.customer(i);
      if (i % 10 == 3) {
        c = c.toBuilder().setEmail("writer" + i + "@" + BLOCKED).build();
      } else if (i == 7 || i == 44) {
        c = c.toBuilder().setEmail(null).setPhoneNumber("+3161000" + i).build();
      }
      input.add(c);
    }
    return input;
  }

  private static String identity(Customer c) {
    return c.getEmail() != null ? c.getEmail() : c.getPhoneNumber();
  }

  private static List<String> accepted() {
    return INPUT.stream()
        .map(BulkImportAnswersTest::identity)
        .filter(id -> !id.endsWith("@" + BLOCKED))
        .sorted()
        .collect(Collectors.toList());
  }

  private static List<String> refused() {
    return INPUT.stream()
        .map(BulkImportAnswersTest::identity)
        .filter(id -> id.endsWith("@" + BLOCKED))
        .sorted()
        .collect(Collectors.toList());
  }

  /**
   * What one run of the write did. (Its metrics are tested in {@link ImportJobsTest}: the Direct
   * runner commits a bundle's metrics asynchronously, after the pipeline may have finished.)
   */
  private static final class Run {
    final List<WrittenRecord> written;
    final List<FailedRecord> failed;

    Run(List<WrittenRecord> written, List<FailedRecord> failed) {
      this.written = written;
      this.failed = failed;
    }

    /**
     * Rows whose outcome came from their own request: the job's answer did not account for them.
     */
    long confirmedOneByOne() {
      return written.stream().filter(w -> w.getCustomerCode() != null).count()
          + failed.stream().filter(f -> f.getKind() != FailureKind.IMPORT_ROW_FAILED).count();
    }

    List<String> writtenIdentities() {
      return written.stream()
          .map(w -> w.getEmail() != null ? w.getEmail() : w.getPhoneNumber())
          .sorted()
          .collect(Collectors.toList());
    }

    List<String> failedIdentities() {
      return failed.stream()
          .map(f -> identity(f.getCustomer()))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static FormalooEmulator emulator(BatchImportAnswer answer, Faults faults) {
    return FormalooEmulator.start(
        EmulatorConfig.builder()
            .batchImportAnswer(answer)
            .rejectEmailDomain(BLOCKED)
            .faults(faults)
            .build());
  }

  private static Run write(FormalooEmulator emulator) {
    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result =
        Fixtures.create(p, INPUT)
            .apply(
                FormalooIO.writeCustomers()
                    .withConfig(Emulated.config(emulator))
                    .withBulkImport()
                    .withShards(2)
                    .withBatchSize(20));
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();
    return new Run(written.elements(), failed.elements());
  }

  /** Exactly the accepted customers landed and are reported written; the refused, failed. */
  private static void assertExactOutcome(FormalooEmulator emulator, Run run) {
    assertThat(emulator.customerCount(), is(accepted().size()));
    for (Customer c : INPUT) {
      if (c.getEmail() != null) {
        assertThat(
            c.getEmail(),
            emulator.findCustomerByEmail(c.getEmail()),
            c.getEmail().endsWith("@" + BLOCKED) ? is(nullValue()) : is(notNullValue()));
      }
    }
    assertThat(run.writtenIdentities(), is(accepted()));
    assertThat(run.failedIdentities(), is(refused()));
    for (FailedRecord f : run.failed) {
      assertThat(f.getKind(), is(oneOf(FailureKind.IMPORT_ROW_FAILED, FailureKind.REJECTED)));
      assertThat(f.getError(), containsString(REFUSAL));
      assertThat(f.getFieldErrorsJson(), containsString(REFUSAL));
      assertThat(f.getJobSlug(), is(notNullValue()));
    }
    for (WrittenRecord w : run.written) {
      assertThat(w.getJobSlug(), is(notNullValue()));
    }
  }

  /** Requests of the one-by-one confirmation that the fault hit. */
  private static long faultedConfirmations(
      FormalooEmulator emulator, Predicate<RequestLogEntry> fault) {
    return emulator.requestLog().stream()
        .filter(e -> e.endpoint().equals("POST /customers/"))
        .filter(fault)
        .count();
  }

  @ParameterizedTest
  @EnumSource(BatchImportAnswer.class)
  void exactlyTheAcceptedCustomersLandAndAreReportedWrittenAndAReplayAddsNone(
      BatchImportAnswer answer) {
    try (FormalooEmulator emulator = emulator(answer, Faults.none())) {
      Run first = write(emulator);
      assertExactOutcome(emulator, first);
      assertThat(emulator.endpointCount("POST /customers/"), is(first.confirmedOneByOne()));

      Run replay = write(emulator);
      assertExactOutcome(emulator, replay);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BatchImportAnswer.class,
      names = {"ROW_INDEXED", "KEYED_BY_IDENTITY"})
  void anAnswerThatNamesItsFailedRowsCostsNoRequestPerRow(BatchImportAnswer answer) {
    try (FormalooEmulator emulator = emulator(answer, Faults.none())) {
      Run run = write(emulator);

      assertExactOutcome(emulator, run);
      assertThat(emulator.endpointCount("POST /customers/"), is(0L));
      assertThat(run.confirmedOneByOne(), is(0L));
      for (FailedRecord f : run.failed) {
        assertThat(f.getKind(), is(FailureKind.IMPORT_ROW_FAILED));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BatchImportAnswer.class,
      names = {"EMPTY", "MESSAGE_ONLY"})
  void anAnswerThatSaysNothingUsableHasEveryRowConfirmedOnItsOwn(BatchImportAnswer answer) {
    try (FormalooEmulator emulator = emulator(answer, Faults.none())) {
      Run run = write(emulator);

      assertExactOutcome(emulator, run);
      assertThat(emulator.endpointCount("POST /customers/"), is((long) INPUT.size()));
      assertThat(run.confirmedOneByOne(), is((long) INPUT.size()));
      for (FailedRecord f : run.failed) {
        assertThat(f.getKind(), is(FailureKind.REJECTED));
        assertThat(f.getStatus(), is(400));
      }
      for (WrittenRecord w : run.written) {
        assertThat(w.getCustomerCode(), is(notNullValue()));
        assertThat(w.getAttempts(), greaterThan(1));
      }
    }
  }

  @Test
  void countsWithoutFailuresConfirmEveryRowAtNoExtraCost() {
    try (FormalooEmulator emulator = emulator(BatchImportAnswer.COUNTS_ONLY, Faults.none())) {
      Pipeline p = Emulated.pipeline();
      FormalooIO.Write.Result result =
          Fixtures.create(p, Fixtures.customers(0, 40))
              .apply(
                  FormalooIO.writeCustomers()
                      .withConfig(Emulated.config(emulator))
                      .withBulkImport()
                      .withShards(1)
                      .withBatchSize(20));
      CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
      p.run().waitUntilFinish();

      assertThat(written.elements().size(), is(40));
      assertThat(emulator.customerCount(), is(40));
      assertThat(emulator.endpointCount("POST /customers/"), is(0L));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BatchImportAnswer.class,
      names = {"COUNTS_ONLY", "EMPTY"})
  void theOneByOneConfirmationHoldsUnderServerErrors(BatchImportAnswer answer) {
    try (FormalooEmulator emulator = emulator(answer, Faults.builder().errorRate(0.25).build())) {
      Run run = write(emulator);

      assertExactOutcome(emulator, run);
      assertThat(run.confirmedOneByOne(), greaterThan(0L));
      assertThat(faultedConfirmations(emulator, e -> e.status() >= 500), greaterThan(0L));
      assertExactOutcome(emulator, write(emulator));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BatchImportAnswer.class,
      names = {"COUNTS_ONLY", "MESSAGE_ONLY"})
  void theOneByOneConfirmationHoldsWhenAnswersAreDroppedBeforeOrAfterTheWrite(
      BatchImportAnswer answer) {
    try (FormalooEmulator emulator =
        emulator(answer, Faults.builder().dropRate(0.1).dropAfterCommitRate(0.1).build())) {
      Run run = write(emulator);

      assertExactOutcome(emulator, run);
      assertThat(run.confirmedOneByOne(), greaterThan(0L));
      assertThat(
          faultedConfirmations(emulator, e -> e.dropped() && e.status() == 0), greaterThan(0L));
      assertThat(
          faultedConfirmations(emulator, e -> e.dropped() && e.status() != 0), greaterThan(0L));
      assertExactOutcome(emulator, write(emulator));
    }
  }
}
