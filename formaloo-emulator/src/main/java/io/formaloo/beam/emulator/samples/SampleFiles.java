package io.formaloo.beam.emulator.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates backfill input for the demo, the soak and the pipelines' tests (it lives beside the
 * emulator, out of the production pipelines, as test data): customers as JSON Lines and activities
 * as CSV, both in the API's field names, with, on request, bad records of every kind backfill must
 * route to its dead letters. The same seed gives the same files.
 */
public final class SampleFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The action types every Formaloo business (and the emulator) has. */
  public static final List<String> ACTIONS =
      List.of("signup", "login", "page-view", "form-submit", "email-open", "purchase", "refund");

  private static final String[] NAMES = {
    "Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan",
    "Morgan", "Parker", "Quinn", "Riley", "Rowan", "Sage", "Skyler", "Taylor"
  };

  /** A customer code no business has. */
  public static final String UNKNOWN_CUSTOMER_CODE = "00000000-0000-4000-8000-000000000000";

  private static final String[] PLANS = {"free", "pro", "team"};

  /**
   * Bad customer lines: not JSON; a score that is not a number (unparseable); an invalid email and
   * a customer without email or phone (refused by the write's checks).
   */
  public static final int BAD_CUSTOMERS = 4;

  /** Of {@link #BAD_CUSTOMERS}, the ones that cannot be parsed. */
  public static final int UNPARSEABLE_CUSTOMERS = 2;

  /**
   * Bad activity rows: a short row, an unknown operation type, a date that is not one
   * (unparseable); no customer (refused by the checks), an unknown customer code (refused by the
   * API).
   */
  public static final int BAD_ACTIVITIES = 5;

  /** Of {@link #BAD_ACTIVITIES}, the ones that cannot be parsed. */
  public static final int UNPARSEABLE_ACTIVITIES = 3;

  private SampleFiles() {}

  /**
   * What was generated.
   *
   * @param customers the customers file (JSON Lines)
   * @param activities the activities file (CSV)
   * @param goodCustomers customers that should be written
   * @param goodActivities activities that should be written
   */
  public record Generated(Path customers, Path activities, int goodCustomers, int goodActivities) {}

  /**
   * Writes {@code customers.jsonl} and {@code activities.csv} into {@code folder}: {@code
   * customers} good customers and {@code activities} good activities of theirs, dated over {@code
   * [from, to)}, plus the bad records if {@code withBadRecords}.
   */
  public static Generated write(
      Path folder,
      int customers,
      int activities,
      LocalDate from,
      LocalDate to,
      boolean withBadRecords,
      long seed)
      throws IOException {
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(seed);
    Path customersFile = folder.resolve("customers.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(customersFile, StandardCharsets.UTF_8)) {
      for (int i = 0; i < customers; i++) {
        out.write(customer(i, random).toString());
        out.newLine();
        if (withBadRecords && i == customers / 2) {
          writeBadCustomers(out);
        }
      }
      if (withBadRecords && customers == 0) {
        writeBadCustomers(out);
      }
    }
    Path activitiesFile = folder.resolve("activities.csv");
    long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    long start = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    try (BufferedWriter out = Files.newBufferedWriter(activitiesFile, StandardCharsets.UTF_8)) {
      out.write(
          "action,customer.email,customer.code,operation_type,description,activity_date,"
              + "monetary_value,currency");
      out.newLine();
      for (int i = 0; i < activities && customers > 0; i++) {
        String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
        boolean money = action.equals("purchase") || action.equals("refund");
        long when = start + random.nextLong(days * 86_400);
        out.write(
            String.join(
                ",",
                action,
                email(random.nextInt(customers)),
                "",
                "",
                // A note with a comma and quotes, quoted as CSV quotes it.
                action.equals("purchase") ? "\"Order, paid \"\"online\"\"\"" : "",
                java.time.Instant.ofEpochSecond(when).toString(),
                money ? (10 + random.nextInt(490)) + "." + (10 + random.nextInt(90)) : "",
                money ? "USD" : ""));
        out.newLine();
        if (withBadRecords && i == activities / 2) {
          writeBadActivities(out);
        }
      }
    }
    return new Generated(customersFile, activitiesFile, customers, customers > 0 ? activities : 0);
  }

  /** The email of sample customer {@code i}. */
  public static String email(int i) {
    return "sample" + i + "@example.org";
  }

  private static ObjectNode customer(int i, SplittableRandom random) {
    return customer(
        i,
        email(i),
        NAMES[i % NAMES.length] + " Sample" + i,
        "+1444" + String.format("%07d", i),
        "backfill",
        random);
  }

  /**
   * Generated customer {@code i} in the API's field names: a random score, the tag "newsletter" on
   * every fifth, and a random plan and {@code source} in its {@code customer_data}.
   */
  public static ObjectNode customer(
      int i, String email, String fullName, String phone, String source, SplittableRandom random) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("email", email);
    c.put("full_name", fullName);
    c.put("phone_number", phone);
    c.put("score", random.nextInt(1000));
    if (i % 5 == 0) {
      c.putArray("tags").addObject().put("slug", "newsletter");
    }
    c.putObject("customer_data")
        .put("plan", PLANS[random.nextInt(PLANS.length)])
        .put("source", source);
    return c;
  }

  private static void writeBadCustomers(BufferedWriter out) throws IOException {
    out.write("{\"email\": \"broken@example.org\", \"full_name\": ");
    out.newLine();
    out.write("{\"email\": \"high.score@example.org\", \"score\": \"very high\"}");
    out.newLine();
    out.write("{\"email\": \"not-an-email\", \"full_name\": \"Bad Email\"}");
    out.newLine();
    out.write("{\"full_name\": \"Nobody Reachable\"}");
    out.newLine();
  }

  private static void writeBadActivities(BufferedWriter out) throws IOException {
    out.write("login,sample0@example.org");
    out.newLine();
    out.write("login,sample0@example.org,,explode,,2026-01-01T00:00:00Z,,");
    out.newLine();
    out.write("login,sample0@example.org,,,,yesterday,,");
    out.newLine();
    out.write("login,,,,No customer,2026-01-01T00:00:00Z,,");
    out.newLine();
    // A customer code the API does not have: the activity's customer cannot be found.
    out.write("email-open,," + UNKNOWN_CUSTOMER_CODE + ",,,2026-01-01T00:00:00Z,,");
    out.newLine();
  }
}
