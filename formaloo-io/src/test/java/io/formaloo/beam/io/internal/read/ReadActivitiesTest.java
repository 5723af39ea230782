package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.ActivityQuery;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.OperationType;
import io.formaloo.beam.io.read.ListQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadActivitiesTest {
  private static FormalooEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(50)
                .seedActivities(1_200)
                .seedDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 21))
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** The slugs of the emulator's activities that match, as the emulator itself holds them. */
  private static List<String> slugsWhere(Predicate<JsonNode> match) {
    List<String> slugs = new ArrayList<>();
    for (String slug : emulator.activitySlugs()) {
      if (match.test(emulator.findActivityBySlug(slug))) {
        slugs.add(slug);
      }
    }
    return slugs;
  }

  private static LocalDate day(JsonNode activity, String field) {
    return java.time.Instant.parse(activity.get(field).asText())
        .atZone(ZoneOffset.UTC)
        .toLocalDate();
  }

  private static void assertSlugs(PCollection<Activity> activities, List<String> expected) {
    PAssert.that(
            activities.apply(MapElements.into(TypeDescriptors.strings()).via(Activity::getSlug)))
        .containsInAnyOrder(expected);
  }

  @Test
  void readsEveryActivity() {
    Pipeline p = Emulated.pipeline();
    assertSlugs(
        p.apply(FormalooIO.readActivities().withConfig(Emulated.config(emulator))),
        emulator.activitySlugs());
    p.run().waitUntilFinish();
  }

  @Test
  void queryByActionTypeAndOperationTypes() {
    Pipeline p = Emulated.pipeline();
    ActivityQuery query =
        ActivityQuery.builder()
            .actionType("login")
            .operationTypes(List.of(OperationType.READ, OperationType.CREATE))
            .build();
    assertSlugs(
        p.apply(FormalooIO.readActivities().withConfig(Emulated.config(emulator)).withQuery(query)),
        slugsWhere(a -> a.get("action").get("slug").asText().equals("login")));
    p.run().waitUntilFinish();
  }

  @Test
  void queryByCustomer() {
    String code = emulator.customerCodes().get(7);
    Pipeline p = Emulated.pipeline();
    assertSlugs(
        p.apply(
            FormalooIO.readActivities()
                .withConfig(Emulated.config(emulator))
                .withQuery(ActivityQuery.builder().customer(code).build())),
        slugsWhere(a -> a.get("customer").get("code").asText().equals(code)));
    p.run().waitUntilFinish();
  }

  @Test
  void querySearch() {
    Pipeline p = Emulated.pipeline();
    assertSlugs(
        p.apply(
            FormalooIO.readActivities()
                .withConfig(Emulated.config(emulator))
                .withQuery(ActivityQuery.builder().search("Refund").build())),
        slugsWhere(a -> a.get("action").get("slug").asText().equals("refund")));
    p.run().waitUntilFinish();
  }

  @Test
  void createdBetweenReadsOneQueryPerDay() {
    LocalDate from = LocalDate.of(2026, 4, 5);
    LocalDate to = LocalDate.of(2026, 4, 9);
    Pipeline p = Emulated.pipeline();
    long before = emulator.endpointCount("GET /activities");
    assertSlugs(
        p.apply(
            FormalooIO.readActivities()
                .withConfig(Emulated.config(emulator))
                .withCreatedBetween(from, to)),
        slugsWhere(a -> !day(a, "created_at").isBefore(from) && !day(a, "created_at").isAfter(to)));
    p.run().waitUntilFinish();
    long requests = emulator.endpointCount("GET /activities") - before;
    assertThat("at least one request per day", requests >= 5, is(true));
  }

  @Test
  void activityDateBetweenCombinesWithAQuery() {
    LocalDate from = LocalDate.of(2026, 4, 1);
    LocalDate to = LocalDate.of(2026, 4, 3);
    Pipeline p = Emulated.pipeline();
    assertSlugs(
        p.apply(
            FormalooIO.readActivities()
                .withConfig(Emulated.config(emulator))
                .withQuery(ActivityQuery.builder().actionType("purchase").build())
                .withActivityDateBetween(from, to)),
        slugsWhere(
            a ->
                a.get("action").get("slug").asText().equals("purchase")
                    && !day(a, "activity_date").isAfter(to)));
    p.run().waitUntilFinish();
  }

  @Test
  void readAllReadsAPCollectionOfQueries() {
    Pipeline p = Emulated.pipeline();
    @SuppressWarnings("unchecked")
    Class<ListQuery<Activity>> queryClass = (Class<ListQuery<Activity>>) (Class<?>) ListQuery.class;
    PCollection<ListQuery<Activity>> queries =
        p.apply(
            Create.of(
                    ListQuery.of(ListEndpoint.ACTIVITIES, Map.of("action_type", "signup")),
                    ListQuery.of(ListEndpoint.ACTIVITIES, Map.of("action_type", "refund")))
                .withCoder(SerializableCoder.of(queryClass)));
    assertSlugs(
        queries.apply(FormalooIO.readAll(Activity.class).withConfig(Emulated.config(emulator))),
        slugsWhere(
            a ->
                a.get("action").get("slug").asText().equals("signup")
                    || a.get("action").get("slug").asText().equals("refund")));
    p.run().waitUntilFinish();
  }

  @Test
  void customerActivitiesCarryTheCustomersCode() {
    List<String> codes = new ArrayList<>(emulator.customerCodes().subList(0, 5));
    Pipeline p = Emulated.pipeline();
    PCollection<Activity> activities =
        p.apply(Create.of(codes))
            .apply(FormalooIO.readCustomerActivities().withConfig(Emulated.config(emulator)));
    assertSlugs(
        activities, slugsWhere(a -> codes.contains(a.get("customer").get("code").asText())));
    PAssert.that(activities)
        .satisfies(
            all -> {
              for (Activity a : all) {
                assertThat(codes.contains(a.getCustomer().getCode()), is(true));
              }
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void customerActivitiesFiltered() {
    String code = emulator.customerCodes().get(3);
    Pipeline p = Emulated.pipeline();
    assertSlugs(
        p.apply(Create.of(List.of(code)))
            .apply(
                FormalooIO.readCustomerActivities()
                    .withConfig(Emulated.config(emulator))
                    .withFilters(Map.of("type", "purchase"))),
        slugsWhere(
            a ->
                a.get("customer").get("code").asText().equals(code)
                    && a.get("action").get("slug").asText().equals("purchase")));
    p.run().waitUntilFinish();
  }
}
