package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.RetryPolicy;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteCustomersTest {
  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private FormalooIO.Write<Customer> oneByOne() {
    return FormalooIO.writeCustomers().withConfig(Emulated.config(emulator)).withoutBulkImport();
  }

  @Test
  void everyCustomerLandsOnceAndIsReportedWithItsCode() {
    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result =
        Fixtures.create(p, Fixtures.customers(0, 120)).apply(oneByOne());
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();

    assertThat(emulator.customerCount(), is(120));
    assertThat(emulator.endpointCount("POST /customers/"), is(120L));
    assertThat(failed.elements(), is(empty()));
    assertThat(written.elements(), hasSize(120));
    for (WrittenRecord w : written.elements()) {
      assertThat(
          w.getCustomerCode(), is(emulator.findCustomerByEmail(w.getEmail()).get("code").asText()));
      assertThat(w.getCreated(), is(true));
      assertThat(w.getJobSlug(), is(nullValue()));
    }
  }

  @Test
  void invalidCustomersFailWithTheirReasonsWithoutARequestAndTheOthersLand() {
    List<Customer> input = new ArrayList<>(Fixtures.customers(0, 40));
    input.add(Customer.builder().setFullName("Nobody to upsert by").build());
    input.add(Customer.builder().setEmail("not an email").build());
    input.add(Fixtures.customer(100).toBuilder().setTags(List.of(Tag.builder().build())).build());
    input.add(Fixtures.customer(101).toBuilder().setCustomerDataJson("{not json").build());

    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result = Fixtures.create(p, input).apply(oneByOne());
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();

    assertThat(emulator.customerCount(), is(40));
    assertThat(
        "answers by status: " + emulator.statusCounts(),
        emulator.endpointCount("POST /customers/"),
        is(40L));
    assertThat(written.elements(), hasSize(40));
    List<FailedRecord> failures = failed.elements();
    assertThat(failures, hasSize(4));
    assertThat(
        failures.stream().map(FailedRecord::getKind).collect(Collectors.toSet()),
        is(Set.of(FailureKind.INVALID)));
    assertThat(
        failures.stream().map(FailedRecord::getAttempts).collect(Collectors.toSet()),
        is(Set.of(0)));
    assertThat(
        failures.stream().map(FailedRecord::getCustomer).collect(Collectors.toList()),
        everyItem(notNullValue()));
    String reasons =
        failures.stream().map(FailedRecord::getError).sorted().collect(Collectors.joining("\n"));
    assertThat(reasons, containsString("Either email or phone_number is required."));
    assertThat(reasons, containsString("email: Enter a valid email address."));
    assertThat(reasons, containsString("tags: A tag needs a slug or a title."));
    assertThat(reasons, containsString("customer_data: Not valid JSON"));
  }

  @Test
  void aCustomerTheApiRefusesFailsWithTheApisFieldErrors() {
    List<Customer> input = new ArrayList<>(Fixtures.customers(0, 10));
    input.add(Fixtures.customerWithUnknownTag(50));

    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result = Fixtures.create(p, input).apply(oneByOne());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();

    assertThat(emulator.customerCount(), is(10));
    FailedRecord failure = failed.elements().get(0);
    assertThat(failed.elements(), hasSize(1));
    assertThat(failure.getKind(), is(FailureKind.REJECTED));
    assertThat(failure.getStatus(), is(400));
    assertThat(failure.getAttempts(), is(1));
    assertThat(failure.getCustomer(), is(Fixtures.customerWithUnknownTag(50)));
    assertThat(failure.getFieldErrorsJson(), containsString("no-such-tag"));
    assertThat(failure.isRetryable(), is(false));
  }

  @Test
  void requestsThatOutlastTheRetryPolicyFailWithTheirAttempts() {
    emulator.setFaults(Faults.builder().errorRate(1.0).build());
    FormalooConfig twoAttempts =
        Emulated.configFor(emulator)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(2)
                    .initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(5))
                    .build())
            .build();
    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result =
        Fixtures.create(p, Fixtures.customers(0, 5))
            .apply(FormalooIO.writeCustomers().withConfig(twoAttempts).withoutBulkImport());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();

    assertThat(failed.elements(), hasSize(5));
    for (FailedRecord f : failed.elements()) {
      assertThat(f.getKind(), is(FailureKind.REMOTE));
      assertThat(f.getAttempts(), is(2));
      assertThat(f.getStatus(), greaterThanOrEqualTo(500));
      assertThat(f.isRetryable(), is(true));
      assertThat(f.getError(), containsString("gave up retrying"));
    }
  }

  @Test
  void aCustomerWhoExistsIsUpdatedNotCreatedAgain() {
    for (int run = 0; run < 2; run++) {
      Pipeline p = Emulated.pipeline();
      FormalooIO.Write.Result result =
          Fixtures.create(p, Fixtures.customers(0, 30)).apply(oneByOne());
      CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
      p.run().waitUntilFinish();
      boolean firstRun = run == 0;
      assertThat(
          written.elements().stream().map(WrittenRecord::getCreated).collect(Collectors.toSet()),
          is(Set.of(firstRun)));
    }
    assertThat(emulator.customerCount(), is(30));
    assertThat(emulator.endpointCount("POST /customers/"), is(60L));
  }
}
