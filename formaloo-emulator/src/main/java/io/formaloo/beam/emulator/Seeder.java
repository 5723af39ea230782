package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a store with a business's reference data (currencies, action types and their groups, tags)
 * and with generated customers and activities. Everything generated follows from the seed, so two
 * emulators with the same config hold the same data, code for code.
 */
final class Seeder {
  private static final String[] FIRST_NAMES = {
    "Ada", "Babak", "Chen", "Dara", "Elif", "Farid", "Grace", "Hana", "Ivan", "Jia", "Kian", "Lena",
    "Mina", "Nima", "Omid", "Parisa", "Reza", "Sara", "Tara", "Yas"
  };
  private static final String[] LAST_NAMES = {
    "Ahmadi", "Berg", "Costa", "Dubois", "Ebrahimi", "Fischer", "Garcia", "Hosseini", "Ito",
    "Jensen", "Karimi", "Larsen", "Moradi", "Novak", "Okafor", "Petrov", "Rahimi", "Sato"
  };
  private static final String[] CITIES = {
    "Tehran", "Berlin", "Toronto", "Lisbon", "Osaka", "Lagos"
  };

  private Seeder() {}

  /** The reference data every business has. */
  static void referenceData(DataStore store, Instant at) {
    for (String[] c :
        new String[][] {
          {"USD", "US Dollar"},
          {"EUR", "Euro"},
          {"GBP", "Pound Sterling"},
          {"IRR", "Iranian Rial"},
          {"JPY", "Yen"},
          {"CAD", "Canadian Dollar"}
        }) {
      store.currencies.put(c[0], new CurrencyRecord(c[0], c[1]));
    }
    ActionTypeGroupRecord engagement =
        group(store, "engagement", "Engagement", "{customer} {action}");
    ActionTypeGroupRecord commerce =
        group(store, "commerce", "Commerce", "{customer} spent {value}");
    ActionTypeGroupRecord lifecycle = group(store, "lifecycle", "Lifecycle", "{customer} {action}");
    actionType(store, "signup", "Sign up", "create", 10, lifecycle, at);
    actionType(store, "login", "Log in", "read", 1, engagement, at);
    actionType(store, "page-view", "Page view", "read", 0, engagement, at);
    actionType(store, "form-submit", "Form submitted", "create", 5, engagement, at);
    actionType(store, "email-open", "Email opened", "read", 1, engagement, at);
    actionType(store, "purchase", "Purchase", "create", 20, commerce, at);
    actionType(store, "refund", "Refund", "update", -10, commerce, at);
    actionType(store, "account-delete", "Account deleted", "delete", 0, lifecycle, at);
    for (String[] t :
        new String[][] {
          {"vip", "VIP", "Customers who spend the most."},
          {"newsletter", "Newsletter", "Subscribed to the newsletter."},
          {"churn-risk", "Churn risk", "Inactive for a while."},
          {"beta", "Beta", "Tries new features first."}
        }) {
      store.tags.put(t[0], new TagRecord(t[0], t[1], t[2]));
    }
  }

  private static ActionTypeGroupRecord group(
      DataStore store, String slug, String title, String template) {
    ObjectNode text = Json.MAPPER.createObjectNode();
    text.put("en", template);
    ActionTypeGroupRecord group = new ActionTypeGroupRecord(slug, title, title + " actions.", text);
    store.actionTypeGroups.put(slug, group);
    return group;
  }

  private static void actionType(
      DataStore store,
      String slug,
      String title,
      String operation,
      int score,
      ActionTypeGroupRecord group,
      Instant at) {
    ActionTypeRecord type = new ActionTypeRecord(slug, false, at);
    type.title = title;
    type.description = title + ".";
    type.defaultOperationType = operation;
    type.actionScore = score;
    type.group = group;
    store.actionTypes.put(slug, type);
  }

  /** {@code customers} customers and {@code activities} activities, dated within [from, to). */
  static void generate(
      DataStore store, long seed, int customers, int activities, LocalDate from, LocalDate to) {
    SplittableRandom random = new SplittableRandom(seed);
    long fromMillis = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long spanMillis = to.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - fromMillis;
    List<TagRecord> tags = new ArrayList<>(store.tags.values());
    CustomerRecord[] made = new CustomerRecord[customers];
    for (int i = 0; i < customers; i++) {
      Instant created = Instant.ofEpochMilli(fromMillis + random.nextLong(spanMillis));
      CustomerRecord c = new CustomerRecord(uuid(random), created);
      String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      c.fullName = first + " " + last;
      c.email = "customer" + i + "@example.com";
      c.phoneNumber = phoneNumber(i);
      c.score = random.nextInt(1000);
      if (random.nextInt(4) == 0) {
        c.tags = List.of(tags.get(random.nextInt(tags.size())));
      }
      if (random.nextInt(8) == 0) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("city", CITIES[random.nextInt(CITIES.length)]);
        data.put("plan", random.nextBoolean() ? "pro" : "free");
        c.customerData = data;
      }
      store.addCustomer(c);
      made[i] = c;
    }
    List<ActionTypeRecord> types = new ArrayList<>(store.actionTypes.values());
    CurrencyRecord usd = store.currencies.get("USD");
    for (int i = 0; i < activities; i++) {
      CustomerRecord customer = made[random.nextInt(customers)];
      ActionTypeRecord type = types.get(random.nextInt(types.size()));
      Instant when = Instant.ofEpochMilli(fromMillis + random.nextLong(spanMillis));
      boolean monetary = type.slug.equals("purchase") || type.slug.equals("refund");
      store.addActivity(
          new ActivityRecord(
              "seed-" + (seed & 0xffff) + "-" + i,
              type,
              customer,
              type.defaultOperationType,
              type.title,
              when,
              monetary ? BigDecimal.valueOf(100 + random.nextInt(99_900), 2) : null,
              monetary ? usd : null,
              when.plusSeconds(random.nextInt(3600))));
    }
  }

  /** {@code +1555} and the index in seven digits: unique, and cheaper than String.format. */
  private static String phoneNumber(int index) {
    String digits = Integer.toString(index);
    return "+1555" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }

  /** A random (version 4) UUID drawn from the seeded generator, so codes are reproducible. */
  static UUID uuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }
}
