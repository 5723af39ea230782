package io.formaloo.beam.pipelines.backfill;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.pipelines.testing.Outputs;
import io.formaloo.beam.pipelines.testing.Runs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of malformed records mixed into valid ones ({@code src/test/resources/bad-input}): every
 * bad one ends in the dead letters with its reason, every good one is written intact, and the
 * backfill ends normally.
 */
class BadInputTest {
  private static final String HUGE_EMAIL = "huge@example.org";
  private static final int HUGE_LENGTH = 1_000_000;

  @TempDir Path dir;
  private FormalooEmulator emulator;

  @BeforeEach
  void startEmulator() {
    emulator = FormalooEmulator.start(EmulatorConfig.builder().build());
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  /**
   * One bad record: its dead letter's record holds {@code marker} (is it, after {@code =}), its
   * error has {@code kind} and a message with {@code reason}.
   */
  private record Bad(String marker, String kind, String reason) {
    boolean matches(JsonNode deadLetter) {
      String record = deadLetter.get("record").toString();
      return (marker.startsWith("=") ? record.equals(marker.substring(1)) : record.contains(marker))
          && deadLetter.get("error").get("message").asText().contains(reason);
    }
  }

  private static final List<Bad> BAD_CUSTOMERS =
      List.of(
          new Bad("broken@example.org", "UNPARSEABLE", "not JSON"),
          new Bad("truncated@example.org", "UNPARSEABLE", "not JSON"),
          new Bad("single-quotes@example.org", "UNPARSEABLE", "not JSON"),
          new Bad("in-array@example.org", "UNPARSEABLE", "not a JSON object"),
          new Bad("just a string", "UNPARSEABLE", "not a JSON object"),
          new Bad("=null", "UNPARSEABLE", "not a JSON object"),
          new Bad("=42", "UNPARSEABLE", "not a JSON object"),
          new Bad("bad-utf8@example.org", "UNPARSEABLE", "not UTF-8"),
          new Bad("={}", "INVALID", "Either email or phone_number is required."),
          new Bad("No Email Nor Phone", "INVALID", "Either email or phone_number is required."),
          new Bad("Blank Identity", "INVALID", "Either email or phone_number is required."),
          new Bad("Null Email", "INVALID", "Either email or phone_number is required."),
          new Bad("not-an-email", "INVALID", "email: Enter a valid email address."),
          new Bad("two@@example.org", "INVALID", "email: Enter a valid email address."),
          new Bad("spaced out@example.org", "INVALID", "email: Enter a valid email address."),
          new Bad("josé@example.org", "INVALID", "email: Enter a valid email address."),
          new Bad("emoji😀@example.org", "INVALID", "email: Enter a valid email address."),
          new Bad("score-text@example.org", "UNPARSEABLE", "score"),
          new Bad("score-float@example.org", "UNPARSEABLE", "score"),
          new Bad("score-huge@example.org", "UNPARSEABLE", "score"),
          new Bad("email-array@example.org", "UNPARSEABLE", "email"),
          new Bad("tags-string@example.org", "UNPARSEABLE", "tags"),
          new Bad("tag-empty@example.org", "INVALID", "tags: A tag needs a slug or a title."),
          new Bad("data-string@example.org", "REJECTED", "customer_data"),
          new Bad("nul@example.org", "INVALID", "full_name: Null characters are not allowed."),
          new Bad(
              "lone-surrogate@example.org",
              "INVALID",
              "full_name: Surrogate characters are not allowed: U+D800."),
          // customers.csv
          new Bad("={\"score\":5}", "INVALID", "Either email or phone_number is required."),
          new Bad("csv-bad-email", "INVALID", "email: Enter a valid email address."),
          new Bad("csv-score@example.org", "UNPARSEABLE", "score"),
          new Bad("csv-data@example.org", "UNPARSEABLE", "customer_data"),
          // The unclosed quote swallows the rest of the file: one dead letter, naming its line.
          new Bad("=null", "UNPARSEABLE", "line 8 is not closed"));

  private static final List<Bad> BAD_ACTIVITIES =
      List.of(
          new Bad("broken@example.org", "UNPARSEABLE", "not JSON"),
          new Bad("not json at all", "UNPARSEABLE", "not JSON"),
          new Bad("=[]", "UNPARSEABLE", "not a JSON object"),
          new Bad("no-action@example.org", "UNPARSEABLE", "missing its required 'action'"),
          new Bad("no-customer", "INVALID", "customer: A customer needs a code"),
          new Bad("empty-action@example.org", "INVALID", "action: An action needs a slug"),
          new Bad("No Identifier", "INVALID", "customer: A customer needs a code"),
          new Bad("not-an-email", "INVALID", "customer.email: Enter a valid email address."),
          new Bad("comma-money@example.org", "INVALID", "monetary_value: A valid number"),
          new Bad("object-money@example.org", "UNPARSEABLE", "monetary_value"),
          new Bad("bad-op@example.org", "UNPARSEABLE", "operation_type"),
          new Bad("bad-date@example.org", "UNPARSEABLE", "activity_date"),
          new Bad("action-string@example.org", "UNPARSEABLE", "action"),
          new Bad("long-slug@example.org", "INVALID", "slug: Ensure this field has between 1"),
          new Bad("unknown-code", "REJECTED", "customer"),
          new Bad(
              "nul-activity@example.org",
              "INVALID",
              "description: Null characters are not allowed."),
          new Bad(
              "lone-activity@example.org",
              "INVALID",
              "description: Surrogate characters are not allowed: U+DC00."));

  /** The customers the corpus holds that are good, each with the full name it must keep. */
  private static final Map<String, String> GOOD_CUSTOMERS =
      Map.ofEntries(
          Map.entry("plain@example.org", "Plain Person"),
          Map.entry("emoji@example.org", "Ada 😀🚀 Lovelace"),
          Map.entry("combining@example.org", "Zoe\u0301 Cafe\u0301 n\u0303"),
          Map.entry("rtl@example.org", "مرحبا עולם \u202eabc\u202c"),
          Map.entry("escaped-pair@example.org", "\ud83d\ude00 escaped"),
          Map.entry("bom-inside@example.org", "a\ufeffb"),
          Map.entry("astral@example.org", "𠀋 漢字 한국어 𝄞"),
          Map.entry("csv-plain@example.org", "Lovelace, Ada"),
          Map.entry("csv-unicode@example.org", "😀 Zoe\u0301 مرحبا"));

  /** The activities that are good, by description: the text each must keep. */
  private static final List<String> GOOD_ACTIVITIES =
      List.of(
          "good-purchase",
          "😀 logged in from 🇮🇷",
          "עמוד \u202eRTL\u202c وصفحة Cafe\u0301",
          "\ud83d\ude80 escaped pair",
          "good-nulls");

  @Test
  void everyBadRecordIsDeadLetteredWithItsReasonAndEveryGoodOneIsWrittenIntact() throws Exception {
    Path in = corpus();

    Runs.Run run =
        Runs.backfill(
            emulator,
            "--customersInput=" + in.resolve("customers.*"),
            "--activitiesInput=" + in.resolve("activities.jsonl"),
            "--deadLetterDir=" + dir.resolve("dead"));

    assertThat(run.printed(), run.exitCode(), is(0));
    assertDeadLetters(Outputs.deadLetters(dir.resolve("dead"), "customers"), BAD_CUSTOMERS);
    assertDeadLetters(Outputs.deadLetters(dir.resolve("dead"), "activities"), BAD_ACTIVITIES);

    // The emulator holds exactly the good customers (and the one an activity created), intact.
    List<String> expected = new ArrayList<>(GOOD_CUSTOMERS.keySet());
    expected.addAll(
        List.of(
            "nulls@example.org", "extra@example.org", "new-via-activity@example.org", HUGE_EMAIL));
    List<JsonNode> stored =
        emulator.customerCodes().stream()
            .map(emulator::findCustomerByCode)
            .collect(Collectors.toList());
    assertThat(
        stored.stream()
            .filter(c -> c.path("email").isTextual())
            .map(c -> c.get("email").asText())
            .collect(Collectors.toList()),
        containsInAnyOrder(expected.toArray()));
    assertThat(stored.size(), is(expected.size() + 1));
    assertThat(emulator.findCustomerByEmail("plain@example.org").get("score").asInt(), is(10));
    for (Map.Entry<String, String> good : GOOD_CUSTOMERS.entrySet()) {
      assertThat(
          good.getKey(),
          emulator.findCustomerByEmail(good.getKey()).get("full_name").asText(),
          is(good.getValue()));
    }
    assertThat(
        emulator.findCustomerByEmail("emoji@example.org").get("customer_data").get("note").asText(),
        is("👩\u200d💻 at work"));
    assertThat(
        emulator.findCustomerByEmail(HUGE_EMAIL).get("full_name").asText(),
        is("x".repeat(HUGE_LENGTH)));
    assertThat(
        stored.stream()
            .filter(c -> "+15550001111".equals(c.path("phone_number").asText()))
            .findFirst()
            .orElse(null),
        notNullValue());

    List<String> descriptions =
        emulator.activitySlugs().stream()
            .map(s -> emulator.findActivityBySlug(s).path("description").asText())
            .collect(Collectors.toList());
    assertThat(descriptions, containsInAnyOrder(GOOD_ACTIVITIES.toArray()));

    assertThat(
        run.out(),
        containsString(
            "customers: 44 read, 13 written, "
                + BAD_CUSTOMERS.size()
                + " failed (16 unparseable, 15 not written)"));
  }

  /**
   * The corpus, with what a resource file should not hold: a 1 MB name, bytes that are not UTF-8.
   */
  private Path corpus() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (String name : List.of("customers.jsonl", "customers.csv", "activities.jsonl")) {
      try (InputStream resource = getClass().getResourceAsStream("/bad-input/" + name)) {
        Files.copy(resource, in.resolve(name));
      }
    }
    try (OutputStream out =
        Files.newOutputStream(in.resolve("customers.jsonl"), StandardOpenOption.APPEND)) {
      out.write(
          ("{\"email\": \""
                  + HUGE_EMAIL
                  + "\", \"full_name\": \""
                  + "x".repeat(HUGE_LENGTH)
                  + "\"}\n")
              .getBytes(StandardCharsets.UTF_8));
      // Latin-1 where UTF-8 was expected: 0xE9 alone is no UTF-8 sequence.
      out.write("{\"email\": \"bad-utf8@example.org\", \"full_name\": \"Ren".getBytes());
      out.write(new byte[] {(byte) 0xE9, '"', '}', '\n'});
    }
    return in;
  }

  private static void assertDeadLetters(List<JsonNode> deadLetters, List<Bad> expected) {
    List<String> problems = new ArrayList<>();
    List<Bad> unmatched = new ArrayList<>(expected);
    for (JsonNode deadLetter : deadLetters) {
      Bad bad = unmatched.stream().filter(b -> b.matches(deadLetter)).findFirst().orElse(null);
      if (bad == null) {
        problems.add("unexpected dead letter " + abbreviated(deadLetter));
        continue;
      }
      unmatched.remove(bad);
      JsonNode error = deadLetter.get("error");
      if (!error.get("kind").asText().equals(bad.kind())) {
        problems.add(bad + " got " + error);
      }
      if (bad.kind().equals("UNPARSEABLE")
          && !(error.hasNonNull("file") && error.get("line").asInt() > 0)) {
        problems.add(bad + " does not say where it was: " + error);
      }
    }
    unmatched.forEach(b -> problems.add("no dead letter for " + b));
    assertThat(String.join("\n", problems), problems.isEmpty(), is(true));
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
