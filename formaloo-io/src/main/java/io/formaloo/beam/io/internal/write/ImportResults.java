package io.formaloo.beam.io.internal.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.Customer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What an imported job's {@code import_results} says, in whatever shape it came. The reference
 * documents it only as "customers count, new customer and existing customers etc.", so nothing
 * about it is trusted that the answer does not itself confirm: {@link #account} maps the failures
 * it lists back to the rows sent, and says whether its counts agree that every other row was
 * imported.
 *
 * <p>Understood: counts under {@code total} / {@code customers_count}, {@code new} / {@code
 * new_customers}, {@code existing} / {@code existing_customers}, {@code failed} / {@code
 * failed_customers}; failures listed under {@code failed_rows}, {@code failures}, {@code errors},
 * {@code failed} or {@code failed_customers}, either as an array of entries (each naming its row by
 * {@code row} or {@code index} from 0, or by {@code email}, {@code phone_number} or {@code code})
 * or as an object keyed by e-mail, phone number or code.
 */
final class ImportResults {
  /** The shape of an answer, as the one log line per job names it. */
  enum Shape {
    ROWS_BY_INDEX("failed rows by index"),
    ROWS_BY_IDENTITY("failed rows by e-mail, phone or code"),
    NO_FAILED_ROWS_LISTED("an empty list of failed rows"),
    COUNTS_ONLY("counts only"),
    EMPTY("an empty object"),
    UNRECOGNISED("nothing this writer recognises");

    final String description;

    Shape(String description) {
      this.description = description;
    }
  }

  private static final String[] LIST_KEYS = {
    "failed_rows", "failures", "errors", "failed", "failed_customers"
  };
  private static final String[] TOTAL_KEYS = {"total", "customers_count", "total_customers"};
  private static final String[] NEW_KEYS = {"new", "new_customers", "created"};
  private static final String[] EXISTING_KEYS = {"existing", "existing_customers", "updated"};
  private static final String[] FAILED_KEYS = {"failed", "failed_customers", "failed_count"};

  /** One failure the answer lists: how it names its row, and its errors. */
  private static final class Failure {
    @Nullable Integer index;

    /** E-mail, phone and code the entry gives; for an object keyed by identity, the key in all. */
    @Nullable String email;

    @Nullable String phone;
    @Nullable String code;

    JsonNode errors;
  }

  private final List<Failure> failures;
  private final boolean listsFailures;
  private final long total;
  private final long created;
  private final long existing;
  private final long failed;
  private final Shape shape;
  private final List<String> fields;

  private ImportResults(
      List<Failure> failures,
      boolean listsFailures,
      long total,
      long created,
      long existing,
      long failed,
      Shape shape,
      List<String> fields) {
    this.failures = failures;
    this.listsFailures = listsFailures;
    this.total = total;
    this.created = created;
    this.existing = existing;
    this.failed = failed;
    this.shape = shape;
    this.fields = fields;
  }

  static ImportResults parse(@Nullable JsonNode results) {
    List<Failure> failures = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    if (results == null || !results.isObject()) {
      return new ImportResults(failures, false, -1, -1, -1, -1, Shape.EMPTY, fields);
    }
    results.fieldNames().forEachRemaining(fields::add);
    boolean listsFailures = false;
    for (String key : LIST_KEYS) {
      JsonNode list = results.get(key);
      if (list != null && list.isArray()) {
        listsFailures = true;
        for (JsonNode entry : list) {
          failures.add(entry(entry));
        }
      } else if (list != null && list.isObject()) {
        listsFailures = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> keyed = it.next();
          Failure f = new Failure();
          f.email = keyed.getKey();
          f.phone = keyed.getKey();
          f.code = keyed.getKey();
          f.errors = keyed.getValue();
          failures.add(f);
        }
      }
    }
    long total = count(results, TOTAL_KEYS);
    long created = count(results, NEW_KEYS);
    long existing = count(results, EXISTING_KEYS);
    long failed = count(results, FAILED_KEYS);
    boolean counts = total >= 0 || created >= 0 || existing >= 0 || failed >= 0;
    Shape shape;
    if (failures.stream().anyMatch(f -> f.index != null)) {
      shape = Shape.ROWS_BY_INDEX;
    } else if (!failures.isEmpty()) {
      shape = Shape.ROWS_BY_IDENTITY;
    } else if (listsFailures) {
      shape = Shape.NO_FAILED_ROWS_LISTED;
    } else if (counts) {
      shape = Shape.COUNTS_ONLY;
    } else {
      shape = fields.isEmpty() ? Shape.EMPTY : Shape.UNRECOGNISED;
    }
    return new ImportResults(
        failures, listsFailures, total, created, existing, failed, shape, fields);
  }

  private static Failure entry(JsonNode entry) {
    Failure f = new Failure();
    if (entry.isIntegralNumber()) {
      f.index = entry.asInt();
      f.errors = entry;
      return f;
    }
    if (entry.isTextual()) {
      f.email = entry.asText();
      f.phone = entry.asText();
      f.code = entry.asText();
      f.errors = entry;
      return f;
    }
    for (String key : new String[] {"row", "index"}) {
      JsonNode index = entry.get(key);
      if (index != null && index.isIntegralNumber() && index.canConvertToInt()) {
        f.index = index.asInt();
        break;
      }
    }
    JsonNode data = entry.get("data");
    // An entry that echoes its row names it by the row's fields, else by its own.
    JsonNode identity = data != null && data.isObject() ? data : entry;
    f.email = text(identity, "email");
    f.phone = text(identity, "phone_number");
    if (f.phone == null) {
      f.phone = text(identity, "phone");
    }
    f.code = text(entry, "code");
    for (String key : new String[] {"errors", "error", "detail", "message"}) {
      if (entry.hasNonNull(key)) {
        f.errors = entry.get(key);
        return f;
      }
    }
    f.errors = entry;
    return f;
  }

  /** The first count among {@code keys} that is a number (or a string of digits), else -1. */
  private static long count(JsonNode results, String[] keys) {
    for (String key : keys) {
      JsonNode value = results.get(key);
      if (value != null && value.isIntegralNumber() && value.asLong() >= 0) {
        return value.asLong();
      }
      if (value != null && value.isTextual() && value.asText().matches("\\d{1,18}")) {
        return Long.parseLong(value.asText());
      }
    }
    return -1;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  Shape shape() {
    return shape;
  }

  /** The shape for a person, with the answer's field names when it is one this writer reads. */
  String describe() {
    String counts =
        shape == Shape.COUNTS_ONLY || shape == Shape.EMPTY || shape == Shape.UNRECOGNISED
            ? ""
            : (total >= 0 || failed >= 0 || created >= 0 ? ", with counts" : ", without counts");
    return shape.description + counts + " " + fields;
  }

  /**
   * The rows the answer lists as failed, and whether it accounts for all the others as imported.
   */
  RowAccount account(List<Customer> rows) {
    int n = rows.size();
    Map<String, List<Integer>> byEmail = new HashMap<>();
    Map<String, List<Integer>> byPhone = new HashMap<>();
    Map<String, List<Integer>> byCode = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Customer c = rows.get(i);
      if (c.getEmail() != null) {
        byEmail.computeIfAbsent(lower(c.getEmail()), k -> new ArrayList<>()).add(i);
      }
      if (c.getPhoneNumber() != null) {
        byPhone.computeIfAbsent(c.getPhoneNumber(), k -> new ArrayList<>()).add(i);
      }
      if (c.getCode() != null) {
        byCode.computeIfAbsent(c.getCode(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, JsonNode> failedRows = new HashMap<>();
    int unmapped = 0;
    for (Failure f : failures) {
      Integer row =
          f.index != null ? checkedIndex(f, rows) : byIdentity(f, byEmail, byPhone, byCode);
      if (row == null || failedRows.containsKey(row)) {
        unmapped++;
      } else {
        failedRows.put(row, f.errors);
      }
    }
    int mapped = failedRows.size();
    List<String> gaps = new ArrayList<>();
    if (unmapped > 0) {
      gaps.add(unmapped + " failed rows it lists match no single row sent");
    }
    if (!listsFailures && failed != 0) {
      gaps.add(
          failed < 0
              ? "it neither lists nor counts failed rows"
              : "it counts " + failed + " failed rows without saying which");
    } else if (failed >= 0 && failed != mapped) {
      gaps.add("it counts " + failed + " failed rows and names " + mapped);
    }
    if (total >= 0 && total != n) {
      gaps.add("it counts " + total + " rows where " + n + " were sent");
    }
    if (created >= 0 && existing >= 0 && created + existing != n - mapped) {
      gaps.add(
          "it counts "
              + (created + existing)
              + " rows imported where "
              + (n - mapped)
              + " are not named failed");
    }
    if (gaps.isEmpty() && failed < 0 && (created < 0 || existing < 0)) {
      gaps.add("no count confirms its list of failed rows");
    }
    return new RowAccount(failedRows, gaps, createdFlag(n - mapped));
  }

  /**
   * The row an entry's index names, unless the e-mail or phone it gives is not that row's: an index
   * counted from 1, or into another list, must not fail the wrong row.
   */
  private static @Nullable Integer checkedIndex(Failure f, List<Customer> rows) {
    int i = f.index;
    if (i < 0 || i >= rows.size()) {
      return null;
    }
    Customer sent = rows.get(i);
    boolean same =
        (f.email == null || lower(f.email).equals(lower(sent.getEmail())))
            && (f.phone == null || f.phone.equals(sent.getPhoneNumber()));
    return same ? i : null;
  }

  /** The one row an entry's e-mail, else phone, else code names; null if none or several. */
  private static @Nullable Integer byIdentity(
      Failure f,
      Map<String, List<Integer>> byEmail,
      Map<String, List<Integer>> byPhone,
      Map<String, List<Integer>> byCode) {
    Set<Integer> candidates = new LinkedHashSet<>();
    if (f.email != null) {
      candidates.addAll(byEmail.getOrDefault(lower(f.email), List.of()));
    }
    if (candidates.isEmpty() && f.phone != null) {
      candidates.addAll(byPhone.getOrDefault(f.phone, List.of()));
    }
    if (candidates.isEmpty() && f.code != null) {
      candidates.addAll(byCode.getOrDefault(f.code, List.of()));
    }
    return candidates.size() == 1 ? candidates.iterator().next() : null;
  }

  private static String lower(@Nullable String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the imported rows were created (all new), updated (all existing), or null when the
   * counts are missing or mixed: the results do not say which row was which.
   */
  private @Nullable Boolean createdFlag(int importedRows) {
    if (importedRows > 0 && created == importedRows && existing == 0) {
      return true;
    }
    if (importedRows > 0 && existing == importedRows && created == 0) {
      return false;
    }
    return null;
  }

  /** A row's errors for a person: {@code field: message message; field: message}. */
  static String summary(JsonNode errors) {
    if (errors == null || errors.isMissingNode() || errors.isNull()) {
      return "no errors given";
    }
    if (!errors.isObject()) {
      return errors.isTextual() ? errors.asText() : errors.toString();
    }
    StringBuilder s = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(field.getKey()).append(": ");
      if (field.getValue().isArray()) {
        String sep = "";
        for (JsonNode message : field.getValue()) {
          s.append(sep).append(message.isTextual() ? message.asText() : message.toString());
          sep = " ";
        }
      } else {
        s.append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue());
      }
    }
    return s.toString();
  }
}
