package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.CollectedOutput;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteActivitiesTest {
  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<WrittenRecord> write(List<Activity> input, List<FailedRecord> failures) {
    Pipeline p = Emulated.pipeline();
    FormalooIO.Write.Result result =
        Fixtures.createActivities(p, input)
            .apply(FormalooIO.writeActivities().withConfig(Emulated.config(emulator)));
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();
    failures.addAll(failed.elements());
    return written.elements();
  }

  @Test
  void everyActivityLandsWithTheStableSlugItWasGiven() {
    List<Activity> input = Fixtures.activities(80, 20);
    List<FailedRecord> failures = new ArrayList<>();
    List<WrittenRecord> written = write(input, failures);

    assertThat(failures, is(empty()));
    assertThat(emulator.activityCount(), is(80));
    assertThat(emulator.customerCount(), is(20));
    Set<String> expectedSlugs =
        input.stream().map(ActivitySlugs::stableSlug).collect(Collectors.toSet());
    assertThat(
        written.stream().map(WrittenRecord::getActivitySlug).collect(Collectors.toSet()),
        is(expectedSlugs));
    for (WrittenRecord w : written) {
      assertThat(emulator.findActivityBySlug(w.getActivitySlug()), is(notNullValue()));
      assertThat(w.getCustomerCode(), is(notNullValue()));
      assertThat(w.getCreated(), is(true));
    }
  }

  @Test
  void anActivityWithItsOwnSlugKeepsIt() {
    Activity own = Fixtures.activity(0, 1).toBuilder().setSlug("my-own-slug").build();
    List<WrittenRecord> written = write(List.of(own), new ArrayList<>());
    assertThat(written.get(0).getActivitySlug(), is("my-own-slug"));
    assertThat(emulator.findActivityBySlug("my-own-slug"), is(notNullValue()));
  }

  @Test
  void anActivityWrittenBeforeCountsAsWrittenAndCarriesItsSlug() {
    List<Activity> input = Fixtures.activities(30, 5);
    write(input, new ArrayList<>());
    List<FailedRecord> failures = new ArrayList<>();
    List<WrittenRecord> again = write(input, failures);

    assertThat(failures, is(empty()));
    assertThat(emulator.activityCount(), is(30));
    assertThat(again, hasSize(30));
    assertThat(
        again.stream().map(WrittenRecord::getCreated).collect(Collectors.toSet()),
        is(Set.of(false)));
    assertThat(
        again.stream().map(WrittenRecord::getActivitySlug).collect(Collectors.toSet()),
        is(input.stream().map(ActivitySlugs::stableSlug).collect(Collectors.toSet())));
  }

  @Test
  void invalidActivitiesFailWithTheirReasonsWithoutARequestAndTheOthersLand() {
    List<Activity> input = new ArrayList<>(Fixtures.activities(25, 5));
    input.add(
        Activity.builder()
            .setAction(ActivityAction.builder().build())
            .setCustomer(ActivityCustomer.builder().setEmail("a@example.com").build())
            .build());
    input.add(Activity.builder().setAction(ActivityAction.ofSlug("login")).build());
    input.add(
        Activity.builder()
            .setAction(ActivityAction.ofSlug("login"))
            .setCustomer(ActivityCustomer.builder().setEmail("a@@example").build())
            .build());
    input.add(Fixtures.activity(99, 5).toBuilder().setMonetaryValue("twelve").build());
    List<FailedRecord> failures = new ArrayList<>();
    List<WrittenRecord> written = write(input, failures);

    assertThat(written, hasSize(25));
    assertThat(emulator.activityCount(), is(25));
    assertThat(emulator.endpointCount("POST /activities"), is(25L));
    assertThat(failures, hasSize(4));
    assertThat(
        failures.stream().map(FailedRecord::getKind).collect(Collectors.toSet()),
        is(Set.of(FailureKind.INVALID)));
    String reasons =
        failures.stream().map(FailedRecord::getError).collect(Collectors.joining("\n"));
    assertThat(reasons, containsString("action: An action needs a slug or a title."));
    assertThat(
        reasons, containsString("customer: A customer needs a code, an email or a phone_number."));
    assertThat(reasons, containsString("customer.email: Enter a valid email address."));
    assertThat(reasons, containsString("monetary_value: A valid number is required."));
  }

  @Test
  void anActivityTheApiRefusesFailsWithTheApisFieldErrors() {
    Activity unknownAction =
        Fixtures.activity(0, 1).toBuilder()
            .setAction(ActivityAction.ofSlug("no-such-action"))
            .build();
    List<FailedRecord> failures = new ArrayList<>();
    write(List.of(unknownAction), failures);

    assertThat(failures, hasSize(1));
    FailedRecord failure = failures.get(0);
    assertThat(failure.getKind(), is(FailureKind.REJECTED));
    assertThat(failure.getStatus(), is(400));
    assertThat(failure.getFieldErrorsJson(), containsString("no-such-action"));
    assertThat(failure.getActivity().getSlug(), is(ActivitySlugs.stableSlug(unknownAction)));
  }
}
