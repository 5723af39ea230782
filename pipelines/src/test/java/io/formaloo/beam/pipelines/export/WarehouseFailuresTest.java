package io.formaloo.beam.pipelines.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.pipelines.testing.Runs;
import io.formaloo.beam.pipelines.testing.Warehouses;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse that cannot be used fails the export at once, named, before any API request: the
 * emulator's log stays empty.
 */
class WarehouseFailuresTest {
  @RegisterExtension
  static final FormalooEmulatorExtension formaloo = FormalooEmulatorExtension.seeded(10, 20);

  @TempDir Path dir;

  @BeforeEach
  void clearLog() {
    formaloo.emulator().resetRequestLog();
  }

  @Test
  void aDatabaseThatCannotBeReachedIsNamedInSeconds() {
    long start = System.nanoTime();

    Runs.Run run = export("jdbc:postgresql://127.0.0.1:1/warehouse?user=postgres", Map.of());

    assertRefusedBeforeAnyRequest(run, "cannot reach the database");
    assertThat((System.nanoTime() - start) / 1e9, lessThan(10.0));
  }

  @Test
  void refusedCredentialsAreNamedAndThePasswordIsNeverPrinted() {
    String url = Warehouses.postgres().replace("user=postgres", "user=intruder");

    Runs.Run run =
        export(url, Map.of("FORMALOO_WAREHOUSE_PASSWORD", "pa55word-from-the-environment"));

    assertRefusedBeforeAnyRequest(run, "the database refused the credentials");
    assertThat(run.printed(), not(containsString("pa55word")));
  }

  @Test
  void aPasswordInTheUrlIsNeverPrinted() {
    String url =
        "jdbc:postgresql://127.0.0.1:"
            + Warehouses.postgresPort()
            + "/missing_db?user=postgres&password=pa55word";

    Runs.Run run = export(url, Map.of());

    assertRefusedBeforeAnyRequest(run, "the database does not exist");
    assertThat(run.printed(), not(containsString("pa55word")));
  }

  @Test
  void aTableOfAnotherShapeIsNamedWithItsColumn() throws Exception {
    String url = Warehouses.postgres();
    try (Connection c = Warehouses.connect(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (code INTEGER PRIMARY KEY, email TEXT)");
    }

    Runs.Run run = export(url, Map.of());

    assertRefusedBeforeAnyRequest(
        run, "the table customers does not fit the export: its column code is integer");
  }

  @Test
  void aTableWhoseKeyIsNotUniqueIsRefused() throws Exception {
    String url = Warehouses.duckdb(dir);
    try (Connection c = Warehouses.connect(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE tags (slug VARCHAR, title VARCHAR)");
    }

    Runs.Run run = export(url, Map.of());

    assertRefusedBeforeAnyRequest(run, "its column slug is not its primary key");
  }

  @Test
  void aDuckDbFileInAFolderThatDoesNotExistIsNamed() {
    Runs.Run run = export("jdbc:duckdb:" + dir.resolve("no/such/folder/w.duckdb"), Map.of());

    assertRefusedBeforeAnyRequest(run, "cannot open the database file");
  }

  private Runs.Run export(String url, Map<String, String> warehouseEnvironment) {
    Map<String, String> environment =
        new java.util.HashMap<>(Runs.environment(formaloo.emulator()));
    environment.putAll(warehouseEnvironment);
    return Runs.run(
        Export.NAME,
        ExportOptions.class,
        Export::run,
        environment,
        "--formalooBaseUrl=" + formaloo.emulator().baseUrl(),
        "--formalooBusiness=" + formaloo.emulator().business(),
        "--warehouse=" + url,
        "--deadLetterDir=" + dir.resolve("dead"));
  }

  private static void assertRefusedBeforeAnyRequest(Runs.Run run, String message) {
    assertThat(run.printed(), run.exitCode(), is(2));
    assertThat(run.err(), containsString(message));
    assertThat(run.err(), containsString("--warehouse="));
    assertThat(formaloo.emulator().requestCount(), is(0L));
  }
}
