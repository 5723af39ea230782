package io.formaloo.beam.pipelines.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.testing.ApiContent;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.TableContent;
import io.formaloo.beam.pipelines.testing.Warehouses;
import io.formaloo.beam.pipelines.testing.Warehouses.Kind;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exports into real databases: PostgreSQL (a server of its own) and a DuckDB file. */
class WarehouseExportTest {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @RegisterExtension
  final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder()
              .seedCustomers(150)
              .seedActivities(700)
              .seedDates(TODAY.minusDays(10), TODAY));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFirstRunFillsEveryTableWithExactlyWhatTheApiHolds(Kind kind) throws Exception {
    String url = Warehouses.create(kind, dir);

    Runs.Run run = export(url);

    assertThat(run.printed(), run.exitCode(), is(0));
    assertTablesHoldTheApi(formaloo.emulator(), url);
    assertThat(run.out(), containsString("customers: 150 records"));
    assertThat(run.out(), containsString("activities: 700 records"));
  }

  Runs.Run export(String url, String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "--warehouse=" + url;
    args[1] = "--deadLetterDir=" + dir.resolve("dead");
    System.arraycopy(more, 0, args, 2, more.length);
    return Runs.export(formaloo.emulator(), args);
  }

  /** Every table holds exactly the API's records, each key once; deleted customers aside. */
  static void assertTablesHoldTheApi(FormalooEmulator emulator, String url) throws Exception {
    assertTable(emulator, url, "customers", ListEndpoint.CUSTOMERS, Customer.class, "code");
    assertTable(emulator, url, "activities", ListEndpoint.ACTIVITIES, Activity.class, "slug");
    assertTable(emulator, url, "tags", ListEndpoint.TAGS, Tag.class, "slug");
    assertTable(emulator, url, "action_types", ListEndpoint.ACTION_TYPES, ActionType.class, "slug");
    assertTable(emulator, url, "currencies", ListEndpoint.CURRENCIES, Currency.class, "iso_code");
  }

  private static <T> void assertTable(
      FormalooEmulator emulator,
      String url,
      String table,
      ListEndpoint<T> endpoint,
      Class<T> type,
      String key)
      throws Exception {
    String live = table.equals("customers") ? "WHERE deleted_at IS NULL" : "";
    List<T> rows = TableContent.records(url, table, type, live);
    List<T> api = ApiContent.all(emulator, endpoint);
    assertThat(table, new HashSet<>(rows), is(new HashSet<>(api)));
    assertThat(table + " rows", rows.size(), is(api.size()));
    List<String> keys = TableContent.column(url, "SELECT " + key + " FROM " + table);
    assertThat(table + ": no key twice", new HashSet<>(keys).size(), is(keys.size()));
  }
}
