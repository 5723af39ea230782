package io.formaloo.beam.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipelines' packages depend on each other one way only, as the README's Layout section draws
 * them: each package may import only packages of a lower layer, so a newcomer can read them bottom
 * up and no change can tie two of them into a knot unnoticed.
 */
class PackageLayersTest {
  private static final String ROOT = "io.formaloo.beam.pipelines";
  private static final Path SOURCES = Path.of("src/main/java/io/formaloo/beam/pipelines");

  /** Each package's layer, lowest first; "" is the root package (Main). */
  private static final Map<String, Integer> LAYERS =
      Map.ofEntries(
          Map.entry("metrics", 0),
          Map.entry("cli", 1),
          Map.entry("records", 2),
          Map.entry("files", 3),
          Map.entry("providers", 3),
          Map.entry("warehouse", 3),
          Map.entry("deadletters", 4),
          Map.entry("report", 4),
          Map.entry("backfill", 5),
          Map.entry("export", 5),
          Map.entry("analytics", 5),
          Map.entry("", 6));

  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?" + Pattern.quote(ROOT) + "\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void everyPackageImportsOnlyPackagesOfALowerLayer() {
    List<String> upwardArrows = new ArrayList<>();
    for (Path source : sources()) {
      String from = packageOf(source);
      Matcher imported = IMPORT.matcher(read(source));
      while (imported.find()) {
        String to = imported.group(1);
        if (!to.equals(from) && layerOf(to) >= layerOf(from)) {
          upwardArrows.add(SOURCES.relativize(source) + " imports " + to);
        }
      }
    }
    assertThat(upwardArrows, empty());
  }

  @Test
  void everyPackageHasALayer() {
    Set<String> packages = new TreeSet<>();
    sources().forEach(source -> packages.add(packageOf(source)));
    assertThat(LAYERS.keySet(), hasItems(packages.toArray(new String[0])));
  }

  private static int layerOf(String pkg) {
    Integer layer = LAYERS.get(pkg);
    if (layer == null) {
      throw new AssertionError("package " + pkg + " has no layer in " + LAYERS);
    }
    return layer;
  }

  private static String packageOf(Path source) {
    Path folder = SOURCES.relativize(source).getParent();
    return folder == null ? "" : folder.toString().replace('/', '.');
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      if (sources.size() < 10) {
        throw new AssertionError("found only " + sources + " under " + SOURCES.toAbsolutePath());
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
