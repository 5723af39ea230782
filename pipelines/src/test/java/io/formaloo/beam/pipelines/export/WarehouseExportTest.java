package io.formaloo.beam.pipelines.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.testing.ApiContent;
import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.TableContent;
import io.formaloo.beam.pipelines.testing.Warehouses;
import io.formaloo.beam.pipelines.testing.Warehouses.Kind;
import io.formaloo.beam.pipelines.warehouse.Table;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRerunWritesNoDuplicateAndLeavesTheTablesAsTheyWere(Kind kind) throws Exception {
    String url = Warehouses.create(kind, dir);
    assertThat(export(url).exitCode(), is(0));

    Runs.Run again = export(url);

    assertThat(again.printed(), again.exitCode(), is(0));
    assertTablesHoldTheApi(formaloo.emulator(), url);
  }

  @Test
  void aRowChangesOnlyWhenItsRecordChanged() throws Exception {
    String url = Warehouses.postgres();
    assertThat(export(url, "--entities=customers").exitCode(), is(0));
    String changed = formaloo.emulator().customerCodes().get(0);
    String same = formaloo.emulator().customerCodes().get(1);
    String before = versionOf(url, same);
    String changedBefore = versionOf(url, changed);
    try (FormalooClient client = FormalooClient.create(formaloo.config())) {
      client.updateCustomer(changed, Customer.builder().setFullName("Ada Changed").build());
    }

    assertThat(export(url, "--entities=customers").exitCode(), is(0));

    // PostgreSQL gives every new version of a row a new xmin: an upsert that rewrote the row of an
    // unchanged record would show.
    assertThat(versionOf(url, same), is(before));
    assertThat(versionOf(url, changed), is(not(changedBefore)));
    assertThat(
        TableContent.column(url, "SELECT full_name FROM customers WHERE code = '" + changed + "'"),
        is(List.of("Ada Changed")));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFieldTheTableLacksBecomesANewColumn(Kind kind) throws Exception {
    String url = Warehouses.create(kind, dir);
    try (Connection c = Warehouses.connect(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (code TEXT PRIMARY KEY, email TEXT)");
    }

    Runs.Run run = export(url, "--entities=customers");

    assertThat(run.printed(), run.exitCode(), is(0));
    assertThat(run.out(), containsString("export: added the column customers.full_name"));
    assertTable(
        formaloo.emulator(), url, "customers", ListEndpoint.CUSTOMERS, Customer.class, "code");
  }

  private static String versionOf(String url, String code) throws Exception {
    return TableContent.column(url, "SELECT xmin::text FROM customers WHERE code = '" + code + "'")
        .get(0);
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

  /**
   * An activity with the customer it names by code only: the row keeps the customer as it was when
   * the activity was read (the activity's own updated_at does not move when its customer changes),
   * and the customer as it is now is in the customers table.
   */
  private static Object byCustomerCode(Object record) {
    if (!(record instanceof Activity activity) || activity.getCustomer() == null) {
      return record;
    }
    return activity.toBuilder()
        .setCustomer(ActivityCustomer.builder().setCode(activity.getCustomer().getCode()).build())
        .build();
  }

  static <T> void assertTable(
      FormalooEmulator emulator,
      String url,
      String table,
      ListEndpoint<T> endpoint,
      Class<T> type,
      String key)
      throws Exception {
    String live = Table.of(entity(table)).managed().isEmpty() ? "" : "WHERE deleted_at IS NULL";
    Set<Object> rows = normalized(TableContent.records(url, table, type, live));
    Set<Object> api = normalized(ApiContent.all(emulator, endpoint));
    Set<Object> extra = new HashSet<>(rows);
    extra.removeAll(api);
    Set<Object> missing = new HashSet<>(api);
    missing.removeAll(rows);
    assertThat(table + ": rows the API does not hold", first(extra), is(List.of()));
    assertThat(table + ": records missing from the table", first(missing), is(List.of()));
    List<String> keys = TableContent.column(url, "SELECT " + key + " FROM " + table);
    assertThat(table + ": no key twice", new HashSet<>(keys).size(), is(keys.size()));
  }

  private static Set<Object> normalized(List<?> records) {
    return records.stream().map(WarehouseExportTest::byCustomerCode).collect(Collectors.toSet());
  }

  private static Entity entity(String table) {
    return Entity.valueOf(table.toUpperCase(Locale.ROOT));
  }

  /** A few of {@code records}, enough to say what differs without printing hundreds. */
  private static List<String> first(Set<Object> records) {
    return records.stream().limit(3).map(String::valueOf).toList();
  }
}
