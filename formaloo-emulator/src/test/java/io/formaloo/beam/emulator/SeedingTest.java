package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SeedingTest {

  private static EmulatorConfig seeded(long seed) {
    return EmulatorConfig.builder()
        .seed(seed)
        .seedCustomers(500)
        .seedActivities(2000)
        .seedDates(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1))
        .build();
  }

  @Test
  void theSameSeedGivesTheSameData() throws Exception {
    try (FormalooEmulator a = FormalooEmulator.start(seeded(7));
        FormalooEmulator b = FormalooEmulator.start(seeded(7))) {
      assertThat(a.customerCodes(), is(b.customerCodes()));
      assertThat(a.activitySlugs(), is(b.activitySlugs()));
      String code = a.customerCodes().get(123);
      assertThat(a.findCustomerByCode(code), is(b.findCustomerByCode(code)));
      String slug = a.activitySlugs().get(456);
      assertThat(a.findActivityBySlug(slug), is(b.findActivityBySlug(slug)));
    }
  }

  @Test
  void anotherSeedGivesOtherData() {
    try (FormalooEmulator a = FormalooEmulator.start(seeded(7));
        FormalooEmulator b = FormalooEmulator.start(seeded(8))) {
      assertThat(a.customerCodes(), not(b.customerCodes()));
    }
  }

  @Test
  void theCountsAreAsConfigured() {
    try (FormalooEmulator e = FormalooEmulator.start(seeded(1))) {
      assertThat(e.customerCount(), is(500));
      assertThat(e.activityCount(), is(2000));
    }
  }

  @Test
  void seededRecordsAreDatedWithinTheRange() throws Exception {
    try (FormalooEmulator e = FormalooEmulator.start(seeded(3))) {
      for (String slug : e.activitySlugs().subList(0, 200)) {
        JsonNode activity = e.findActivityBySlug(slug);
        ZonedDateTime when = ZonedDateTime.parse(activity.get("activity_date").asText());
        assertThat(
            when, greaterThanOrEqualTo(LocalDate.of(2026, 5, 1).atStartOfDay(ZoneOffset.UTC)));
        assertThat(when, lessThan(LocalDate.of(2026, 6, 1).atStartOfDay(ZoneOffset.UTC)));
      }
    }
  }

  @Test
  void seededCustomersHaveUniqueEmailsAndPhones() {
    try (FormalooEmulator e = FormalooEmulator.start(seeded(4))) {
      assertThat(
          e.findCustomerByEmail("customer499@example.com").get("phone_number").asText(),
          is("+15550000499"));
    }
  }

  @Test
  void activitiesNeedCustomers() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> EmulatorConfig.builder().seedActivities(5).build());
  }
}
