package io.formaloo.beam.pipelines.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.emulator.samples.SampleFiles;
import io.formaloo.beam.pipelines.records.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The exact outcomes the cluster tests hold a run to, however it ran: with or without a worker lost
 * and the job restarted.
 */
public final class ClusterOutcomes {
  private ClusterOutcomes() {}

  /**
   * A backfill of {@code in} (with the sample files' bad records) left the emulator holding each
   * good record once more than {@code customersBefore} / {@code activitiesBefore}, and its dead
   * letters hold exactly the bad ones.
   */
  public static void backfillWasExact(
      FormalooEmulator emulator,
      SampleFiles.Generated in,
      int customersBefore,
      int activitiesBefore,
      Path deadLetters) {
    assertThat("customers", emulator.customerCount(), is(customersBefore + in.goodCustomers()));
    assertThat("activities", emulator.activityCount(), is(activitiesBefore + in.goodActivities()));
    for (int i = 0; i < in.goodCustomers(); i++) {
      assertThat(
          "customer " + SampleFiles.email(i),
          emulator.findCustomerByEmail(SampleFiles.email(i)) != null,
          is(true));
    }
    assertThat(
        Outputs.kinds(Outputs.deadLetters(deadLetters, "customers")),
        is(List.of("INVALID", "INVALID", "UNPARSEABLE", "UNPARSEABLE")));
    assertThat(
        Outputs.kinds(Outputs.deadLetters(deadLetters, "activities")),
        is(List.of("INVALID", "REJECTED", "UNPARSEABLE", "UNPARSEABLE", "UNPARSEABLE")));
  }

  /** An export of customers and activities to JSON Lines holds each of the emulator's once. */
  public static void exportWasExact(FormalooEmulator emulator, Path out) throws IOException {
    List<String> codes = field(Outputs.jsonLines(out, "customers"), "code");
    assertThat("customers exported once each", new HashSet<>(codes).size(), is(codes.size()));
    assertThat(new HashSet<>(codes), is(new HashSet<>(emulator.customerCodes())));
    List<String> slugs = field(Outputs.jsonLines(out, "activities"), "slug");
    assertThat("activities exported once each", new HashSet<>(slugs).size(), is(slugs.size()));
    assertThat(new HashSet<>(slugs), is(new HashSet<>(emulator.activitySlugs())));
  }

  private static List<String> field(List<String> lines, String name) throws IOException {
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      JsonNode record = Json.MAPPER.readTree(line);
      values.add(record.get(name).asText());
    }
    return values;
  }
}
