package io.formaloo.beam.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.OperationType;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector's integration test in Beam's IOIT shape: write N customers and N activities, read
 * them back, compare field by field.
 *
 * <p>It runs against the emulator in every build, and against a real Formaloo account when one is
 * given:
 *
 * <pre>
 * FORMALOO_API_KEY=... FORMALOO_API_SECRET=... mvn -B verify -pl formaloo-testing -am \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FormalooIOIT \
 *     -Dformaloo.it.baseUrl=https://api.formaloo.com/v1.0 -Dformaloo.it.business=YOUR_BUSINESS \
 *     [-Dformaloo.it.records=200] [-Dformaloo.it.actionSlug=login]
 * </pre>
 *
 * <p>Without {@code formaloo.it.baseUrl} the account test is skipped and says so. The records it
 * writes to an account carry a run id in their emails ({@code ioit-RUN-N@example.org}) and stay
 * there: the API has no delete for customers that this connector uses.
 */
class FormalooIOIT {
  private static final int DEFAULT_RECORDS = 200;

  /**
   * Harsher than the service is known to be: small server-chosen pages, and customers already
   * there, so that the read-back must find the written records among others, across many pages.
   */
  @RegisterExtension
  static final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder().seedCustomers(150).seedActivities(300).defaultPageSize(13));

  @Test
  void againstTheEmulatorWrittenRecordsReadBackAsWritten() {
    writeThenRead(formaloo.config(), "login", records());
  }

  @Test
  void againstTheAccountGivenWrittenRecordsReadBackAsWritten() {
    String baseUrl = System.getProperty("formaloo.it.baseUrl");
    Assumptions.assumeTrue(
        baseUrl != null && !baseUrl.isBlank(),
        "no account given: set -Dformaloo.it.baseUrl, -Dformaloo.it.business and the"
            + " FORMALOO_API_KEY / FORMALOO_API_SECRET environment variables to run against one");
    String business = System.getProperty("formaloo.it.business");
    Assumptions.assumeTrue(
        business != null && !business.isBlank(),
        "formaloo.it.baseUrl is set but formaloo.it.business is not");
    Assumptions.assumeTrue(
        System.getenv("FORMALOO_API_KEY") != null,
        "formaloo.it.baseUrl is set but the FORMALOO_API_KEY environment variable is not");
    FormalooConfig account =
        FormalooConfig.builder()
            .baseUrl(baseUrl)
            .business(business)
            .credentials(FormalooCredentials.fromEnvironment())
            .build();
    writeThenRead(account, System.getProperty("formaloo.it.actionSlug", "login"), records());
  }

  private static int records() {
    return Integer.getInteger("formaloo.it.records", DEFAULT_RECORDS);
  }

  private static void writeThenRead(FormalooConfig config, String actionSlug, int n) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Customer> customers = customers(run, n);
    Map<String, WrittenRecord> writtenCustomers = writeCustomers(config, customers);

    List<Activity> activities = activities(customers, actionSlug);
    Map<String, WrittenRecord> writtenActivities = writeActivities(config, activities);

    assertThat(
        customerDifferences(customers, byEmail(readCustomersWithCodes(config, writtenCustomers))),
        is(empty()));
    assertThat(
        activityDifferences(
            activities, writtenActivities, readActivitiesWithSlugs(config, writtenActivities)),
        is(empty()));
  }

  // ---------------------------------------------------------------------------------- records

  private static List<Customer> customers(String run, int n) {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      customers.add(
          Customer.builder()
              .setEmail("ioit-" + run + "-" + i + "@example.org")
              .setFullName("IOIT " + run + " #" + i)
              .setScore(i % 100)
              .build());
    }
    return customers;
  }

  /** One activity per customer, each with a distinct date, so that each is a distinct record. */
  private static List<Activity> activities(List<Customer> customers, String actionSlug) {
    Instant base = Instant.now().minus(Duration.standardDays(1));
    List<Activity> activities = new ArrayList<>();
    for (int i = 0; i < customers.size(); i++) {
      activities.add(
          Activity.builder()
              .setAction(ActivityAction.ofSlug(actionSlug))
              .setOperationType(OperationType.READ)
              .setActivityDate(new Instant(base.getMillis() / 1000 * 1000 + i * 1000L))
              .setCustomer(ActivityCustomer.builder().setEmail(customers.get(i).getEmail()).build())
              .build());
    }
    return activities;
  }

  // ---------------------------------------------------------------------------------- writing

  /** Writes the customers; answers what was written by email, after checking nothing failed. */
  private static Map<String, WrittenRecord> writeCustomers(
      FormalooConfig config, List<Customer> customers) {
    Pipeline p = TestPipelines.direct();
    FormalooIO.Write.Result result =
        p.apply(Create.of(customers)).apply(FormalooIO.writeCustomers().withConfig(config));
    return written(p, result, WrittenRecord::getEmail, customers.size());
  }

  /** Writes the activities; answers what was written by slug, after checking nothing failed. */
  private static Map<String, WrittenRecord> writeActivities(
      FormalooConfig config, List<Activity> activities) {
    Pipeline p = TestPipelines.direct();
    FormalooIO.Write.Result result =
        p.apply(Create.of(activities)).apply(FormalooIO.writeActivities().withConfig(config));
    return written(p, result, WrittenRecord::getActivitySlug, activities.size());
  }

  private static Map<String, WrittenRecord> written(
      Pipeline p, FormalooIO.Write.Result result, Function<WrittenRecord, String> key, int count) {
    CollectedOutput<WrittenRecord> written = CollectedOutput.of(result.getWritten());
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    p.run().waitUntilFinish();
    assertThat("failed writes", failed.elements(), is(empty()));
    Map<String, WrittenRecord> byKey =
        written.elements().stream().collect(Collectors.toMap(key, w -> w));
    assertThat("records written", byKey.size(), is(count));
    return byKey;
  }

  // ---------------------------------------------------------------------------------- reading

  private static List<Customer> readCustomersWithCodes(
      FormalooConfig config, Map<String, WrittenRecord> written) {
    Pipeline p = TestPipelines.direct();
    CollectedOutput<Customer> read =
        CollectedOutput.of(p.apply(FormalooIO.readCustomers().withConfig(config)));
    p.run().waitUntilFinish();
    Set<String> codes =
        written.values().stream().map(WrittenRecord::getCustomerCode).collect(Collectors.toSet());
    return read.elements().stream()
        .filter(c -> codes.contains(c.getCode()))
        .collect(Collectors.toList());
  }

  /** Activities created from yesterday to tomorrow (UTC), so a day boundary cannot hide any. */
  private static Map<String, Activity> readActivitiesWithSlugs(
      FormalooConfig config, Map<String, WrittenRecord> written) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Pipeline p = TestPipelines.direct();
    CollectedOutput<Activity> read =
        CollectedOutput.of(
            p.apply(
                FormalooIO.readActivities()
                    .withConfig(config)
                    .withCreatedBetween(today.minusDays(1), today.plusDays(1))));
    p.run().waitUntilFinish();
    return read.elements().stream()
        .filter(a -> written.containsKey(a.getSlug()))
        .collect(Collectors.toMap(Activity::getSlug, a -> a));
  }

  private static Map<String, Customer> byEmail(List<Customer> read) {
    return read.stream().collect(Collectors.toMap(Customer::getEmail, c -> c));
  }

  // ---------------------------------------------------------------------------------- comparing

  /** What differs between each written customer and the one read back, by email. */
  private static List<String> customerDifferences(
      List<Customer> written, Map<String, Customer> read) {
    List<String> differences = new ArrayList<>();
    if (read.size() != written.size()) {
      differences.add("read back " + read.size() + " of " + written.size() + " customers");
    }
    for (Customer sent : written) {
      Customer got = read.get(sent.getEmail());
      if (got == null) {
        differences.add("not read back: " + sent.getEmail());
      } else if (!fields(sent).equals(fields(got))) {
        differences.add("sent " + fields(sent) + ", read back " + fields(got));
      }
    }
    return differences;
  }

  private static Map<String, Object> fields(Customer c) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("email", c.getEmail());
    fields.put("full_name", c.getFullName());
    fields.put("score", c.getScore());
    return fields;
  }

  /** What differs between each written activity and the one read back under its slug. */
  private static List<String> activityDifferences(
      List<Activity> sent, Map<String, WrittenRecord> written, Map<String, Activity> read) {
    Map<String, Activity> sentByEmailAndDate =
        sent.stream().collect(Collectors.toMap(FormalooIOIT::identity, a -> a));
    List<String> differences = new ArrayList<>();
    if (read.size() != written.size()) {
      differences.add("read back " + read.size() + " of " + written.size() + " activities");
    }
    for (Map.Entry<String, WrittenRecord> entry : written.entrySet()) {
      Activity got = read.get(entry.getKey());
      if (got == null) {
        differences.add("not read back: activity " + entry.getKey());
        continue;
      }
      if (!entry.getValue().getCustomerCode().equals(got.getCustomer().getCode())) {
        differences.add(
            entry.getKey()
                + ": customer "
                + got.getCustomer().getCode()
                + " was written as "
                + entry.getValue().getCustomerCode());
      }
      Activity original = sentByEmailAndDate.get(identity(got));
      if (original == null) {
        differences.add(entry.getKey() + ": read back as nothing that was sent: " + got);
      } else if (!original.getAction().getSlug().equals(got.getAction().getSlug())
          || original.getOperationType() != got.getOperationType()) {
        differences.add(entry.getKey() + ": sent " + original + ", read back " + got);
      }
    }
    return differences;
  }

  /** An activity's identity in this test: its customer's email and its date. */
  private static String identity(Activity a) {
    return a.getCustomer().getEmail() + "@" + a.getActivityDate();
  }
}
