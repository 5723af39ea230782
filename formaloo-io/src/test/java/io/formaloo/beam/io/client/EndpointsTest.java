package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Business;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.CustomerBatchImport;
import io.formaloo.beam.io.model.OperationType;
import io.formaloo.beam.io.model.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every documented endpoint, typed, against the emulator. */
class EndpointsTest {
  private FormalooEmulator emulator;
  private FormalooClient client;

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(25)
                .seedActivities(40)
                .seed(42L)
                .batchStepDelay(Duration.ZERO)
                .build());
    client = client(configFor(emulator).build(), new VirtualTime());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    emulator.close();
  }

  @Test
  void listsCustomers() {
    List<Customer> customers = client.listCustomers(1).getRecords();
    assertThat(customers.size(), is(10));
    assertThat(
        customers.stream().map(Customer::getCode).collect(Collectors.toList()),
        everyItem(notNullValue()));
  }

  @Test
  void createsReadsUpdatesAndDeletesACustomer() {
    Customer created =
        client.createCustomer(
            Customer.builder().setEmail("ada@example.com").setFullName("Ada").build());
    String code = created.getCode();
    assertThat(client.getCustomer(code).getEmail(), is("ada@example.com"));

    Customer updated =
        client.updateCustomer(code, Customer.builder().setFullName("Ada L.").build());
    assertThat(updated.getFullName(), is("Ada L."));
    assertThat(emulator.findCustomerByCode(code).path("full_name").asText(), is("Ada L."));

    client.deleteCustomer(code);
    FormalooException gone = assertThrows(FormalooException.class, () -> client.getCustomer(code));
    assertThat(gone.kind(), is(ErrorKind.RECORD));
    assertThat(gone.status(), is(404));
  }

  @Test
  void creatingACustomerTwiceUpsertsByEmail() {
    int before = emulator.customerCount();
    Customer first = client.createCustomer(Customer.builder().setEmail("same@example.com").build());
    Customer second =
        client.createCustomer(
            Customer.builder().setEmail("same@example.com").setFullName("Same").build());
    assertThat(second.getCode(), is(first.getCode()));
    assertThat(emulator.customerCount(), is(before + 1));
  }

  @Test
  void invalidCustomerIsARecordErrorWithItsFieldErrors() {
    FormalooException e =
        assertThrows(
            FormalooException.class,
            () -> client.createCustomer(Customer.builder().setEmail("not-an-email").build()));
    assertThat(e.kind(), is(ErrorKind.RECORD));
    assertThat(e.isRetryable(), is(false));
    assertThat(e.status(), is(400));
    assertThat(e.method(), is("POST"));
    assertThat(e.path(), is("/v1.0/customers/"));
    assertThat(e.fieldErrors().get("email"), hasItem("Enter a valid email address."));
    assertThat(e.getMessage(), containsString("email: Enter a valid email address."));
  }

  @Test
  void listsActivitiesMatchingAQuery() {
    ActivityQuery creates =
        ActivityQuery.builder().operationTypes(List.of(OperationType.CREATE)).build();
    List<Activity> activities = client.listActivities(creates, 1, 50).getRecords();
    assertThat(activities, not(empty()));
    assertThat(
        activities.stream().map(Activity::getOperationType).collect(Collectors.toList()),
        everyItem(is(OperationType.CREATE)));
    assertThat(
        EmulatorLog.entries(emulator, "GET /activities", 1).get(0).path(),
        containsString("operation_type=create"));
  }

  @Test
  void createsAnActivityUnderItsOwnSlug() {
    Activity created = client.createActivity(activity("client-test-slug-1"));
    assertThat(created.getSlug(), is("client-test-slug-1"));
    assertThat(emulator.findActivityBySlug("client-test-slug-1"), is(notNullValue()));
  }

  @Test
  void activityWithATakenSlugIsARecordErrorNamingTheSlug() {
    client.createActivity(activity("client-test-slug-2"));
    FormalooException e =
        assertThrows(
            FormalooException.class, () -> client.createActivity(activity("client-test-slug-2")));
    assertThat(e.kind(), is(ErrorKind.RECORD));
    assertThat(e.fieldErrors(), hasKey("slug"));
  }

  @Test
  void readsOneCustomersActivities() {
    String code = emulator.customerCodes().get(0);
    List<Activity> activities = client.customerActivities(code, Map.of());
    assertThat(activities, is(notNullValue()));
    client.createActivity(
        activity("client-test-slug-3").toBuilder()
            .setCustomer(ActivityCustomer.builder().setCode(code).build())
            .build());
    assertThat(
        client.customerActivities(code, Map.of()).stream()
            .map(Activity::getSlug)
            .collect(Collectors.toList()),
        hasItem("client-test-slug-3"));
  }

  @Test
  void createsReadsUpdatesAndDeletesAnActionType() {
    assertThat(client.listActionTypes(1).getRecords(), not(empty()));
    ActionType created =
        client.createActionType(
            ActionType.builder()
                .setTitle("Webinar joined")
                .setDefaultOperationType(OperationType.CREATE)
                .build());
    String slug = created.getSlug();
    assertThat(client.getActionType(slug).getTitle(), is("Webinar joined"));
    assertThat(
        client
            .updateActionType(slug, ActionType.builder().setActionScore(7).build())
            .getActionScore(),
        is(7));
    client.deleteActionType(slug);
    assertThat(
        assertThrows(FormalooException.class, () -> client.getActionType(slug)).kind(),
        is(ErrorKind.RECORD));
  }

  @Test
  void deletingAnActionTypeTheBusinessDoesNotOwnIsForbidden() {
    FormalooException e =
        assertThrows(FormalooException.class, () -> client.deleteActionType("signup"));
    assertThat(e.status(), is(403));
    assertThat(e.kind(), is(ErrorKind.CONFIGURATION));
  }

  @Test
  void listsActionTypeGroups() {
    assertThat(client.listActionTypeGroups(1).getCount(), is(3L));
  }

  @Test
  void createsReadsUpdatesAndDeletesATag() {
    Tag created = client.createTag(Tag.builder().setTitle("Early adopter").build());
    String slug = created.getSlug();
    assertThat(client.getTag(slug).getTitle(), is("Early adopter"));
    assertThat(
        client.updateTag(slug, Tag.builder().setDescription("First in.").build()).getDescription(),
        is("First in."));
    assertThat(
        client.listTags(1).getRecords().stream().map(Tag::getSlug).collect(Collectors.toList()),
        hasItem(slug));
    client.deleteTag(slug);
    assertThat(assertThrows(FormalooException.class, () -> client.getTag(slug)).status(), is(404));
  }

  @Test
  void listsBusinessesWithoutNamingOne() {
    List<Business> businesses = client.listBusinesses();
    assertThat(
        businesses.stream().map(Business::getSlug).collect(Collectors.toList()),
        hasItem(emulator.business()));
    assertThat(
        EmulatorLog.entries(emulator, "GET /businesses/", 1).get(0).path(),
        not(containsString("active_business")));
  }

  @Test
  void listsCurrencies() {
    assertThat(client.listCurrencies(1).getCount(), is(6L));
  }

  @Test
  void importsCustomersInABatchJob() {
    CustomerBatchImport job =
        client.createBatchImport(
            List.of(
                Customer.builder().setEmail("batch-1@example.com").build(),
                Customer.builder().setEmail("batch-2@example.com").build()));
    assertThat(job.getSlug(), is(notNullValue()));
    CustomerBatchImport polled = job;
    // Each poll is a request; the job moves on by itself, so the loop ends on a state, not a time.
    for (int polls = 0; polls < 1_000 && !isTerminal(polled); polls++) {
      polled = client.getBatchImport(job.getSlug());
    }
    assertThat(polled.getStatus(), is(CustomerBatchImport.Status.IMPORTED));
    assertThat(emulator.findCustomerByEmail("batch-2@example.com"), is(notNullValue()));
  }

  private static boolean isTerminal(CustomerBatchImport job) {
    return job.getStatus() != null && job.getStatus().isTerminal();
  }

  private static Activity activity(String slug) {
    return Activity.builder()
        .setAction(ActivityAction.ofSlug("login"))
        .setCustomer(ActivityCustomer.builder().setEmail("someone@example.com").build())
        .setDescription("Logged in.")
        .setSlug(slug)
        .build();
  }
}
