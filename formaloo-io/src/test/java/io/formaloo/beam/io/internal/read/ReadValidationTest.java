package io.formaloo.beam.io.internal.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.junit.jupiter.api.Test;

/** Each wrong setting fails when the pipeline is built, with a message that names it. */
class ReadValidationTest {
  private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
  private static final LocalDate MAY_9 = LocalDate.of(2026, 5, 9);

  private static String failureOf(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run).getMessage();
  }

  @Test
  void aConfigIsRequired() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    assertThat(failureOf(() -> p.apply(FormalooIO.readCustomers())), containsString("withConfig"));
  }

  @Test
  void aBusinessIsRequired() {
    FormalooConfig noBusiness =
        FormalooConfig.builder()
            .baseUrl("http://127.0.0.1:9/v1.0")
            .credentials(FormalooCredentials.of("k", "s"))
            .build();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    assertThat(
        failureOf(() -> p.apply(FormalooIO.readCustomers().withConfig(noBusiness))),
        containsString("business"));
  }

  @Test
  void parallelismMustBePositive() {
    assertThat(
        failureOf(() -> FormalooIO.readCustomers().withMaxConcurrentPageRequests(0)),
        containsString("withMaxConcurrentPageRequests"));
    assertThat(
        failureOf(() -> FormalooIO.readCustomers().withPageSize(-1)),
        containsString("withPageSize"));
  }

  @Test
  void fromMustNotBeAfterTo() {
    assertThat(
        failureOf(() -> FormalooIO.readActivities().withCreatedBetween(MAY_9, MAY_1)),
        containsString("must not be after"));
  }

  @Test
  void dayRangesApplyToActivitiesOnly() {
    assertThat(
        failureOf(() -> FormalooIO.readCustomers().withActivityDateBetween(MAY_1, MAY_9)),
        containsString("withActivityDateBetween applies to readActivities()"));
  }

  @Test
  void filtersMustNotChoosePages() {
    assertThat(
        failureOf(() -> FormalooIO.readCustomers().withFilters(Map.of("page", "3"))),
        containsString("page"));
  }

  @Test
  void aDayFilterMustNotBeSetTwice() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    assertThat(
        failureOf(
            () ->
                p.apply(
                    FormalooIO.readActivities()
                        .withConfig(FormalooConfigs.any())
                        .withFilters(Map.of("created_at", "2026-05-02"))
                        .withCreatedBetween(MAY_1, MAY_9))),
        containsString("created_at"));
  }

  @Test
  void oneQueryPerDayBothEndsIncluded() {
    assertThat(
        DayQueries.split(
                io.formaloo.beam.io.client.ListEndpoint.ACTIVITIES,
                Map.of("action_type", "login"),
                "created_at",
                MAY_1,
                MAY_9)
            .size(),
        is(9));
  }

  @Test
  void displayDataShowsEveryOptionAndNoSecret() {
    DisplayData data =
        DisplayData.from(
            FormalooIO.readActivities()
                .withConfig(FormalooConfigs.any())
                .withCreatedBetween(MAY_1, MAY_9)
                .withPageSize(50)
                .withMaxConcurrentPageRequests(3)
                .withoutDeduplication());
    var keys = data.items().stream().map(DisplayData.Item::getKey).collect(Collectors.toList());
    for (String key :
        new String[] {
          "endpoint",
          "dayFilter",
          "fromDay",
          "toDay",
          "pageSize",
          "maxConcurrentPageRequests",
          "deduplicate",
          "errorHandler"
        }) {
      assertThat(keys, hasItem(key));
    }
    assertThat(data.toString().contains("secret"), is(false));
  }
}
