package io.formaloo.beam.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.files.CsvText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The soak's backfill input: customers as JSON Lines and activities as CSV, in the API's field
 * names, every record distinct, and every {@value #REPEAT_EVERY}th one written a second time at the
 * end of its file, so that the input holds exact duplicates that must land once. The same seed
 * gives the same files. It also keeps what each distinct record fixes ({@link CustomerFacts},
 * {@link ActivityFacts}), to compare the emulator and the export with.
 */
final class SoakInput {
  /** One record in this many is repeated. */
  static final int REPEAT_EVERY = 50;

  /** Activities are dated this far apart, from {@link #FIRST_DATE}: no two share a date. */
  private static final long SECONDS_APART = 37;

  private static final Instant FIRST_DATE = Instant.parse("2026-01-01T00:00:00Z");

  private static final String[] NAMES = {
    "Ana", "Bo", "Chidi", "Dana", "Émile", "Farah", "Göran", "Hye-jin", "Ivo", "Jun"
  };

  /** What a customer line fixes, as the export must give it back. */
  record CustomerFacts(
      String email, String fullName, String phone, Integer score, JsonNode data, Set<String> tags) {
    static CustomerFacts of(Customer c) {
      Set<String> tags =
          c.getTags() == null
              ? Set.of()
              : c.getTags().stream()
                  .map(Tag::getSlug)
                  .collect(Collectors.toCollection(TreeSet::new));
      return new CustomerFacts(
          c.getEmail(), c.getFullName(), c.getPhoneNumber(), c.getScore(), c.customerData(), tags);
    }
  }

  /** What an activity row fixes, as the export must give it back. */
  record ActivityFacts(
      String action,
      String customerEmail,
      String date,
      String description,
      BigDecimal amount,
      String currency) {
    static ActivityFacts of(Activity a) {
      BigDecimal amount = a.monetaryValueDecimal();
      return new ActivityFacts(
          a.getAction().getSlug(),
          a.getCustomer() == null ? null : a.getCustomer().getEmail(),
          a.getActivityDate() == null
              ? null
              : Instant.ofEpochMilli(a.getActivityDate().getMillis()).toString(),
          a.getDescription(),
          amount == null ? null : amount.stripTrailingZeros(),
          a.getCurrency() == null ? null : a.getCurrency().getIsoCode());
    }
  }

  /**
   * The files and what they hold.
   *
   * @param customersFile customers, JSON Lines
   * @param activitiesFile activities, CSV
   * @param customerLines customer records in the file, repeats included
   * @param activityLines activity records in the file, repeats included
   * @param customers the distinct customers, by email
   * @param activities the distinct activities
   */
  record Generated(
      Path customersFile,
      Path activitiesFile,
      int customerLines,
      int activityLines,
      Map<String, CustomerFacts> customers,
      Set<ActivityFacts> activities) {}

  private SoakInput() {}

  /** Writes {@code customers.jsonl} and {@code activities.csv} into {@code folder}. */
  static Generated write(Path folder, int customers, int activities, long seed) throws IOException {
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(seed);

    Map<String, CustomerFacts> customerFacts = new HashMap<>();
    Path customersFile = folder.resolve("customers.jsonl");
    int customerLines = 0;
    try (BufferedWriter out = writer(customersFile)) {
      List<String> repeats = new ArrayList<>();
      for (int i = 0; i < customers; i++) {
        ObjectNode c = customer(i, random);
        String line = c.toString();
        out.write(line);
        out.newLine();
        customerLines++;
        customerFacts.put(email(i), facts(c));
        if (i % REPEAT_EVERY == REPEAT_EVERY - 1) {
          repeats.add(line);
        }
      }
      for (String line : repeats) {
        out.write(line);
        out.newLine();
        customerLines++;
      }
    }

    Set<ActivityFacts> activityFacts = new HashSet<>();
    Path activitiesFile = folder.resolve("activities.csv");
    int activityLines = 0;
    try (BufferedWriter out = writer(activitiesFile)) {
      out.write("action,customer.email,description,activity_date,monetary_value,currency");
      out.newLine();
      List<String> repeats = new ArrayList<>();
      for (int i = 0; i < activities && customers > 0; i++) {
        String action = SampleFiles.ACTIONS.get(random.nextInt(SampleFiles.ACTIONS.size()));
        boolean money = action.equals("purchase") || action.equals("refund");
        String customer = email(random.nextInt(customers));
        String description =
            action.equals("purchase") ? "Order " + i + ", paid \"online\"" : action + " " + i;
        String date = FIRST_DATE.plusSeconds(i * SECONDS_APART).toString();
        String amount = money ? (1 + random.nextInt(999)) + "." + random.nextInt(10) + "0" : "";
        String currency = money ? "USD" : "";
        String line = CsvText.line(List.of(action, customer, description, date, amount, currency));
        out.write(line);
        out.newLine();
        activityLines++;
        activityFacts.add(
            new ActivityFacts(
                action,
                customer,
                date,
                description,
                money ? new BigDecimal(amount).stripTrailingZeros() : null,
                money ? currency : null));
        if (i % REPEAT_EVERY == REPEAT_EVERY - 1) {
          repeats.add(line);
        }
      }
      for (String line : repeats) {
        out.write(line);
        out.newLine();
        activityLines++;
      }
    }
    return new Generated(
        customersFile, activitiesFile, customerLines, activityLines, customerFacts, activityFacts);
  }

  static String email(int i) {
    return "soak" + i + "@example.org";
  }

  private static ObjectNode customer(int i, SplittableRandom random) {
    return SampleFiles.customer(
        i,
        email(i),
        NAMES[i % NAMES.length] + " Soak" + i,
        "+1555" + String.format("%07d", i),
        "soak",
        random);
  }

  private static CustomerFacts facts(ObjectNode c) {
    Set<String> tags = new TreeSet<>();
    if (c.has("tags")) {
      c.get("tags").forEach(t -> tags.add(t.get("slug").asText()));
    }
    return new CustomerFacts(
        c.get("email").asText(),
        c.get("full_name").asText(),
        c.get("phone_number").asText(),
        c.get("score").asInt(),
        c.get("customer_data"),
        tags);
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }
}
