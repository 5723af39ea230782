package io.formaloo.beam.harness;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.cli.RunOutcome;
import io.formaloo.beam.pipelines.metrics.Counters;
import io.formaloo.beam.pipelines.records.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The soak's verdict: what the emulator holds, what the backfill dead-lettered and what the export
 * wrote, each against the input. Every check adds a line, {@code ok ...} or {@code FAILED ...}.
 */
final class SoakChecks {
  private static final int EXAMPLES = 3;

  private final List<String> lines = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  /** The lines, in the order checked. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines of the checks that failed. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** The emulator holds the input's distinct customers and activities, each once. */
  void emulatorHolds(FormalooEmulator emulator, SoakInput.Generated input) {
    check(
        emulator.customerCount() == input.customers().size(),
        "the emulator holds %,d customers; the input has %,d distinct ones",
        emulator.customerCount(),
        input.customers().size());
    int missing = 0;
    String example = null;
    for (String email : input.customers().keySet()) {
      if (emulator.findCustomerByEmail(email) == null) {
        missing++;
        example = example == null ? email : example;
      }
    }
    check(
        missing == 0,
        "the emulator has every input customer by email (%,d missing%s)",
        missing,
        example == null ? "" : ", e.g. " + example);
    List<String> slugs = emulator.activitySlugs();
    check(
        slugs.size() == input.activities().size() && new HashSet<>(slugs).size() == slugs.size(),
        "the emulator holds %,d activities (%,d distinct slugs); the input has %,d distinct ones",
        slugs.size(),
        new HashSet<>(slugs).size(),
        input.activities().size());
  }

  /** The backfill wrote every input line and dead-lettered none. */
  void backfillWroteEverything(RunOutcome backfill, SoakInput.Generated input, Path deadLetters) {
    Counters c = backfill.counters();
    for (Entity written : List.of(Entity.CUSTOMERS, Entity.ACTIVITIES)) {
      String entity = written.folder();
      long lines = written == Entity.CUSTOMERS ? input.customerLines() : input.activityLines();
      check(
          c.pipeline(entity + "_written") == lines
              && c.pipeline(entity + "_failed") == 0
              && c.pipeline(entity + "_unparseable") == 0,
          "backfill wrote %,d of %,d %s input lines (%,d failed, %,d unparseable)",
          c.pipeline(entity + "_written"),
          lines,
          entity,
          c.pipeline(entity + "_failed"),
          c.pipeline(entity + "_unparseable"));
      Path file = deadLetters.resolve(entity).resolve("failures-00000-of-00001.jsonl");
      List<String> dead = nonBlankLines(file);
      check(
          dead.isEmpty(),
          "the %s dead letters are empty (%,d lines in %s%s)",
          entity,
          dead.size(),
          file,
          dead.isEmpty() ? "" : ", e.g. " + dead.get(0));
    }
  }

  /** The export holds exactly the input's distinct records, each once, with the input's fields. */
  void exportEqualsInput(Path exportDir, SoakInput.Generated input) {
    List<SoakInput.CustomerFacts> customers =
        read(exportDir, "customers", Customer.class, SoakInput.CustomerFacts::of);
    compare(
        "customers",
        customers.stream().map(SoakInput.CustomerFacts::email).collect(Collectors.toList()),
        input.customers().keySet());
    int differing = 0;
    String example = null;
    for (SoakInput.CustomerFacts exported : customers) {
      SoakInput.CustomerFacts expected = input.customers().get(exported.email());
      if (expected != null && !expected.equals(exported)) {
        differing++;
        example = example == null ? exported + " instead of " + expected : example;
      }
    }
    check(
        differing == 0,
        "every exported customer has the input's name, phone, score, tags and data (%,d differ%s)",
        differing,
        example == null ? "" : ", e.g. " + example);

    List<SoakInput.ActivityFacts> activities =
        read(exportDir, "activities", Activity.class, SoakInput.ActivityFacts::of);
    compare("activities", activities, input.activities());
  }

  /**
   * The exported keys of one entity against the input's: none missing, none unexpected, none twice.
   * An activity's key is everything its input row set (two rows equal in all of it are one
   * activity).
   */
  private <K> void compare(String entity, List<K> exported, Set<K> expected) {
    Map<K, Integer> times = new HashMap<>();
    exported.forEach(k -> times.merge(k, 1, Integer::sum));
    List<K> missing = expected.stream().filter(k -> !times.containsKey(k)).toList();
    List<K> unexpected = times.keySet().stream().filter(k -> !expected.contains(k)).toList();
    List<K> twice =
        times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    check(
        missing.isEmpty() && unexpected.isEmpty() && twice.isEmpty(),
        "the export has the input's %,d distinct %s: %,d exported, %,d missing%s, %,d unexpected%s,"
            + " %,d more than once%s",
        expected.size(),
        entity,
        exported.size(),
        missing.size(),
        examples(missing),
        unexpected.size(),
        examples(unexpected),
        twice.size(),
        examples(twice));
  }

  private void check(boolean ok, String format, Object... args) {
    String line = (ok ? "ok      " : "FAILED  ") + String.format(format, args);
    lines.add(line);
    if (!ok) {
      failures.add(line);
    }
  }

  private static String examples(List<?> keys) {
    return keys.isEmpty()
        ? ""
        : keys.stream()
            .limit(EXAMPLES)
            .map(String::valueOf)
            .collect(Collectors.joining("; ", " (e.g. ", ")"));
  }

  private static <T, F> List<F> read(
      Path exportDir, String entity, Class<T> type, Function<T, F> facts) {
    List<F> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(exportDir.resolve(entity))) {
      for (Path part :
          files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : nonBlankLines(part)) {
          records.add(facts.apply(ModelJson.parse(line, type)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export under " + exportDir, e);
    }
    return records;
  }

  private static List<String> nonBlankLines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
