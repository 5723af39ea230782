package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Customer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a record meets before it is sent: checks, stable slugs, shards. */
class RecordRulesTest {

  @Test
  void aCustomerNeedsAnEmailOrAPhone() {
    assertThat(
        CustomerChecks.check(Customer.builder().setPhoneNumber("+4915112345678").build()).isEmpty(),
        is(true));
    assertThat(
        CustomerChecks.check(Customer.builder().setEmail("a@example.com").build()).isEmpty(),
        is(true));
    assertThat(
        CustomerChecks.check(Customer.builder().setEmail(" ").setFullName("x").build()).summary(),
        is("non_field_errors: Either email or phone_number is required."));
  }

  @Test
  void emailsMustBeWellFormed() {
    for (String bad : new String[] {"plain", "a@b", "a@@b.com", "a b@c.com", "@example.com"}) {
      assertThat(
          bad,
          CustomerChecks.check(Customer.builder().setEmail(bad).build())
              .asMap()
              .containsKey("email"),
          is(true));
    }
    assertThat(Emails.isWellFormed("first.last+tag@sub.example.co"), is(true));
  }

  @Test
  void textWithANulOrALoneSurrogateIsInvalidAndEveryOtherUnicodeTextPasses() {
    for (String good :
        new String[] {
          "Ada 😀🚀",
          "Zoe\u0301 Cafe\u0301",
          "مرحبا עולם \u202eabc\u202c",
          "a\ufeffb",
          "𠀋 𝄞",
          "x".repeat(1 << 20)
        }) {
      assertThat(
          CustomerChecks.check(
                  Customer.builder().setEmail("a@example.com").setFullName(good).build())
              .isEmpty(),
          is(true));
    }
    assertThat(
        CustomerChecks.check(
                Customer.builder().setEmail("a@example.com").setFullName("a\u0000b").build())
            .summary(),
        is("full_name: Null characters are not allowed."));
    assertThat(
        CustomerChecks.check(
                Customer.builder().setEmail("a@example.com").setFullName("x\ud800").build())
            .summary(),
        is("full_name: Surrogate characters are not allowed: U+D800."));
    assertThat(
        ActivityChecks.check(Fixtures.activity(0, 1).toBuilder().setDescription("\udc00y").build())
            .summary(),
        is("description: Surrogate characters are not allowed: U+DC00."));
  }

  @Test
  void anActivityNeedsAnActionAndACustomerToFindOrCreate() {
    Activity ok = Fixtures.activity(0, 1);
    assertThat(ActivityChecks.check(ok).isEmpty(), is(true));
    assertThat(
        ActivityChecks.check(
                ok.toBuilder()
                    .setCustomer(ActivityCustomer.builder().setCode("c0de").build())
                    .build())
            .isEmpty(),
        is(true));
    assertThat(
        ActivityChecks.check(
                ok.toBuilder()
                    .setCustomer(ActivityCustomer.builder().setFullName("no id").build())
                    .build())
            .asMap()
            .containsKey("customer"),
        is(true));
    assertThat(
        ActivityChecks.check(ok.toBuilder().setSlug("").build()).asMap().containsKey("slug"),
        is(true));
    assertThat(
        ActivityChecks.check(ok.toBuilder().setSlug("x".repeat(256)).build())
            .asMap()
            .containsKey("slug"),
        is(true));
  }

  @Test
  void theStableSlugDependsOnTheActivitysContentAndCustomerOnly() {
    Activity a = Fixtures.activity(1, 10);
    assertThat(ActivitySlugs.stableSlug(a), is(ActivitySlugs.stableSlug(Fixtures.activity(1, 10))));
    assertThat(ActivitySlugs.stableSlug(a).length(), is(40));
    assertThat(
        ActivitySlugs.stableSlug(a),
        is(ActivitySlugs.stableSlug(a.toBuilder().setSlug("other").build())));
    assertThat(
        ActivitySlugs.stableSlug(a),
        not(ActivitySlugs.stableSlug(a.toBuilder().setDescription("more").build())));
    assertThat(
        ActivitySlugs.stableSlug(a),
        not(
            ActivitySlugs.stableSlug(
                a.toBuilder()
                    .setCustomer(ActivityCustomer.builder().setEmail("other@example.com").build())
                    .build())));
    assertThat(ActivitySlugs.withSlug(a.toBuilder().setSlug("mine").build()).getSlug(), is("mine"));
  }

  @Test
  void aCustomersShardIsStableInRangeAndIgnoresCase() {
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      int shard = Shards.of(Fixtures.email(i), 8);
      assertThat(shard, both(greaterThanOrEqualTo(0)).and(lessThan(8)));
      used.add(shard);
    }
    assertThat(used.size(), is(8));
    assertThat(Shards.of("Ada@Example.com", 8), is(Shards.of("ada@example.com", 8)));
  }

  @Test
  void recordsAreShardedByTheCustomerTheyConcern() {
    assertThat(
        WriteTarget.ACTIVITIES.customerIdentity(Fixtures.activity(3, 10)), is(Fixtures.email(3)));
    assertThat(
        WriteTarget.CUSTOMERS.customerIdentity(Customer.builder().setPhoneNumber("+1").build()),
        is("+1"));
  }

  @Test
  void theRequestBudgetIsOneCeilingForTheWholeWriteNotASlicePerShard() {
    WriteSettings settings = settings().shards(4).maxRequestsPerSecond(30.0).build();
    assertThat(settings.clientConfig().rateLimit().requestsPerSecond(), is(30.0));
    // Still under the worker's adaptive rate.
    assertThat(settings.clientConfig().rateLimit().isAdaptive(), is(true));
  }

  @Test
  void theWritesClientHasAConnectionForEachRequestInFlight() {
    // The config's 32 connections would leave 8 of 40 requests waiting for one.
    assertThat(
        settings().maxConcurrentRequests(40).build().clientConfig().maxConnections(), is(40));
    assertThat(settings().maxConcurrentRequests(4).build().clientConfig().maxConnections(), is(32));
  }

  @Test
  void batchesAboveTheThresholdGoToBulkImportJobs() {
    WriteSettings settings = settings().build();
    assertThat(settings.bulkImportFor(1_000_000), is(false));
    assertThat(settings.toBuilder().bulkImportAbove(100).build().bulkImportFor(100), is(false));
    assertThat(settings.toBuilder().bulkImportAbove(100).build().bulkImportFor(101), is(true));
  }

  private static WriteSettings.Builder settings() {
    return WriteSettings.builder()
        .config(
            FormalooConfig.builder()
                .business("acme")
                .credentials(FormalooCredentials.of("k", "s"))
                .build())
        .shards(4)
        .maxConcurrentRequests(16)
        .batchSize(10)
        .maxBatchBytes(1000)
        .maxBufferingDuration(Duration.ofSeconds(1))
        .bulkImportAbove(WriteSettings.NEVER)
        .bulkImportTimeout(Duration.ofMinutes(1))
        .writerId("w");
  }
}
