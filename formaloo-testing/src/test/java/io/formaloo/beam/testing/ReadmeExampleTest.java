package io.formaloo.beam.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your pipeline" shows {@link ExamplePipelineTest} as it is, not as it was.
 */
class ReadmeExampleTest {
  private static final Path MODULE = Path.of(System.getProperty("user.dir"));

  @Test
  void theReadmeShowsTheExampleTestAsItIs() throws IOException {
    String example =
        Files.readString(
            MODULE.resolve("src/test/java/io/formaloo/beam/testing/ExamplePipelineTest.java"));
    String readme = Files.readString(MODULE.resolve("../README.md"));

    String body = example.substring(example.indexOf("class ExamplePipelineTest {")).trim();
    for (String line : example.split("\n")) {
      if (line.startsWith("import ")) {
        assertThat("README imports", readme, containsString(line + "\n"));
      }
    }
    assertThat(readme, containsString(body));
  }
}
