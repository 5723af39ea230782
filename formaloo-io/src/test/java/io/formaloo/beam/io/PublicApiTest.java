package io.formaloo.beam.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connector's public API is the list in the README ("The public API"): a class made public
 * outside {@code io.formaloo.beam.io.internal} fails here until it is added to both, on purpose.
 */
class PublicApiTest {
  private static final Set<String> PUBLIC_API =
      Set.of(
          "FormalooIO",
          "FormalooMetrics",
          "client.ActivityQuery",
          "client.AuthFlow",
          "client.CredentialsProvider",
          "client.ErrorKind",
          "client.FormalooClient",
          "client.FormalooConfig",
          "client.FormalooCredentials",
          "client.FormalooException",
          "client.ListEndpoint",
          "client.LiveCounters",
          "client.PageItem",
          "client.RateLimit",
          "client.RetryPolicy",
          "client.WriteAnswer",
          "model.ActionType",
          "model.ActionTypeGroup",
          "model.Activity",
          "model.ActivityAction",
          "model.ActivityCustomer",
          "model.Business",
          "model.Currency",
          "model.Customer",
          "model.CustomerBatchImport",
          "model.Integration",
          "model.ModelJson",
          "model.OperationType",
          "model.Page",
          "model.Tag",
          "read.ListGrowsTooFastException",
          "read.ListQuery",
          "read.ListReadException",
          "write.FailedRecord",
          "write.FailureKind",
          "write.WrittenRecord");

  @Test
  void publicTopLevelClassesOutsideInternalAreTheDocumentedApi() throws Exception {
    assertThat(publicTopLevelClassesOutsideInternal(), equalTo(new TreeSet<>(PUBLIC_API)));
  }

  private static Set<String> publicTopLevelClassesOutsideInternal()
      throws URISyntaxException, java.io.IOException, ClassNotFoundException {
    Path classes =
        Paths.get(FormalooIO.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = classes.resolve("io/formaloo/beam/io");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!relative.endsWith(".class")
            || relative.contains("$")
            || relative.startsWith("internal/")
            || relative.endsWith("package-info.class")) {
          continue;
        }
        String name =
            relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        Class<?> type = Class.forName("io.formaloo.beam.io." + name);
        if (Modifier.isPublic(type.getModifiers())) {
          found.add(name);
        }
      }
    }
    return found;
  }
}
