package io.formaloo.beam.io.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  /** What java.time makes of the text: the reference behaviour the fast path must match. */
  private static long javaTimeMillis(String text) {
    try {
      return java.time.Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }

  @Test
  void theFastPathAgreesWithJavaTimeAcrossDatesFractionsAndOffsets() {
    Random random = new Random(20240824L);
    String[] offsets = {"Z", "+00:00", "+04:30", "-08:00", "+14:00", "-12:45"};
    for (int i = 0; i < 20_000; i++) {
      long seconds = -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
      int digits = random.nextInt(10);
      StringBuilder text =
          new StringBuilder(
              LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                  .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")));
      if (digits > 0) {
        text.append('.');
        for (int d = 0; d < digits; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      text.append(offsets[random.nextInt(offsets.length)]);

      String value = text.toString();
      assertThat(value, Timestamps.parse(value).getMillis(), is(javaTimeMillis(value)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-08-24T14:15:22Z",
        "2019-08-24T14:15:22.1Z",
        "2019-08-24T14:15:22.123456789Z",
        "2019-08-24T18:45:22+04:30",
        "2019-08-24T14:15:22",
        "2019-08-24T14:15:22.5",
        "2019-08-24T14:15:22z",
        "2019-08-24T14:15:22+04:30:15",
        "1969-12-31T23:59:59.999Z",
        "2016-12-31T23:59:60Z",
        "2020-02-29T00:00:00Z",
        "2019-08-24T14:15:22.Z"
      })
  void agreesWithJavaTimeOnEdgeCases(String text) {
    assertThat(Timestamps.parse(text).getMillis(), is(javaTimeMillis(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-30T00:00:00Z",
        "2019-13-01T00:00:00Z",
        "2019-08-24T25:00:00Z",
        "2019-08-24T14:15:22+19:00",
        "2019-08-24 14:15:22Z",
        "2019-08-24",
        "yesterday",
        ""
      })
  void rejectsWhatJavaTimeRejects(String text) {
    assertThrows(DateTimeParseException.class, () -> javaTimeMillis(text));
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text));
  }

  @Test
  void formatsInUtcWithAFractionOnlyWhenThereIsOne() {
    assertThat(
        Timestamps.format(Instant.parse("2019-08-24T14:15:22Z")), is("2019-08-24T14:15:22Z"));
    assertThat(
        Timestamps.format(Instant.parse("2019-08-24T14:15:22.120Z")),
        is("2019-08-24T14:15:22.120Z"));
    assertThat(
        Timestamps.format(
            new Instant(
                OffsetDateTime.parse("2019-08-24T18:45:00+04:30").toInstant().toEpochMilli())),
        is("2019-08-24T14:15:00Z"));
  }
}
