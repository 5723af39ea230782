package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Python {@code http.client} sample of the API reference against a live emulator
 * (NOTES.md, "The reference's own sample requests"): each must get a JSON answer with a documented
 * status, never a 5xx and never a dropped connection. The samples are run by {@code
 * conformance/run_reference_samples.py}, so they execute exactly as the reference prints them, with
 * only host, port and credentials changed.
 */
class ReferenceSamplesConformanceTest {
  private static final String REFERENCE = "/formaloo-api-v1.0.txt";
  private static final String SCRIPT = "/conformance/run_reference_samples.py";
  private static final long SCRIPT_TIMEOUT_SECONDS = 120;

  /** The reference v1.0 has one Python sample per documented endpoint: 23 of them. */
  private static final int MIN_SAMPLES = 23;

  private static final Pattern REQUEST =
      Pattern.compile("conn\\.request\\(\\s*\"([A-Z]+)\"\\s*,\\s*\"([^\"]*)\"");
  private static final Pattern SAMPLE_LINE = Pattern.compile("(?m)^sample \\d+ \\(line \\d+\\): ");

  @TempDir Path temp;

  @Test
  void everyReferenceSampleGetsADocumentedJsonAnswer() throws Exception {
    List<ReferenceSample> samples = referenceSamples();
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(20).seedActivities(50).build())) {
      ScriptRun run =
          runScript(
              "--port",
              Integer.toString(emulator.port()),
              "--api-key",
              emulator.apiKey(),
              "--api-secret",
              emulator.apiSecret(),
              "--business",
              emulator.business(),
              "--timeout",
              "10");
      String why = "run_reference_samples.py output:\n" + run.output;

      assertThat(why, run.exitCode, is(0));
      assertThat(
          why,
          run.output,
          containsString(
              "found " + samples.size() + " samples in " + resource(REFERENCE).toString()));
      for (ReferenceSample sample : samples) {
        String sent =
            sample.path.replace("active_business=string", "active_business=" + emulator.business());
        Matcher line =
            Pattern.compile(
                    "(?m)^"
                        + Pattern.quote(
                            String.format(
                                "sample %02d (line %d): %s %s -> ",
                                sample.index, sample.line, sample.method, sent))
                        + "\\d{3} ok\\r?$")
                .matcher(run.output);
        assertThat(why + "\nno passing line for sample " + sample, line.find(), is(true));
      }
      assertThat(why, countMatches(SAMPLE_LINE, run.output), is(samples.size()));
      assertThat(why, run.output, containsString(samples.size() + " passed, 0 failed"));
    }
  }

  @Test
  void extractorFindsOneSamplePerImportHttpClientLine() throws Exception {
    List<ReferenceSample> samples = referenceSamples();
    long importLines =
        Files.readAllLines(resource(REFERENCE), StandardCharsets.UTF_8).stream()
            .filter(l -> l.trim().equals("import http.client"))
            .count();
    assertThat(
        "samples in the reference (counted in Java)", (long) samples.size(), is(importLines));
    assertThat("samples in the reference", samples.size(), greaterThanOrEqualTo(MIN_SAMPLES));

    ScriptRun run = runScript("--list");
    String why = "run_reference_samples.py --list output:\n" + run.output;
    assertThat(why, run.exitCode, is(0));
    assertThat(
        why,
        run.output,
        containsString(
            "found "
                + importLines
                + " samples in "
                + resource(REFERENCE)
                + " ("
                + importLines
                + " `import http.client` lines)"));
    List<String> listed = new ArrayList<>();
    Matcher m = SAMPLE_LINE.matcher(run.output);
    while (m.find()) {
      listed.add(m.group());
    }
    assertThat(why, listed, hasSize(samples.size()));
    for (ReferenceSample sample : samples) {
      String expected =
          String.format(
              "sample %02d (line %d): %s %s",
              sample.index, sample.line, sample.method, sample.path);
      assertThat(
          why + "\nno line \"" + expected + "\"",
          Pattern.compile("(?m)^" + Pattern.quote(expected) + "\\r?$").matcher(run.output).find(),
          is(true));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** One sample as found by Java: the line of its {@code import http.client}, method and path. */
  private static final class ReferenceSample {
    final int index;
    final int line;
    final String method;
    final String path;

    ReferenceSample(int index, int line, String method, String path) {
      this.index = index;
      this.line = line;
      this.method = method;
      this.path = path;
    }

    @Override
    public String toString() {
      return String.format("%02d (line %d) %s %s", index, line, method, path);
    }
  }

  private static final class ScriptRun {
    final int exitCode;
    final String output;

    ScriptRun(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  /** Every {@code import http.client} line of the reference and the request its sample sends. */
  private static List<ReferenceSample> referenceSamples() throws Exception {
    List<String> lines = Files.readAllLines(resource(REFERENCE), StandardCharsets.UTF_8);
    List<ReferenceSample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().equals("import http.client")) {
        continue;
      }
      Matcher request = null;
      for (int j = i + 1; j < lines.size(); j++) {
        if (lines.get(j).trim().equals("import http.client")) {
          break;
        }
        Matcher candidate = REQUEST.matcher(lines.get(j));
        if (candidate.find()) {
          request = candidate;
          break;
        }
      }
      if (request == null) {
        fail("the sample at line " + (i + 1) + " of the reference has no conn.request(...) call");
      }
      samples.add(
          new ReferenceSample(samples.size() + 1, i + 1, request.group(1), request.group(2)));
    }
    return samples;
  }

  private ScriptRun runScript(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("python3");
    command.add("-u");
    command.add(resource(SCRIPT).toString());
    command.add("--reference");
    command.add(resource(REFERENCE).toString());
    command.addAll(List.of(arguments));
    Path output = temp.resolve("script-output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return fail(
          "cannot run python3 ("
              + e.getMessage()
              + "): python3 must be on PATH to run the reference's Python samples; command: "
              + String.join(" ", command),
          e);
    }
    process.getOutputStream().close();
    boolean finished = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return fail(
          "run_reference_samples.py did not finish in "
              + SCRIPT_TIMEOUT_SECONDS
              + " s; output so far:\n"
              + Files.readString(output, StandardCharsets.UTF_8));
    }
    return new ScriptRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = ReferenceSamplesConformanceTest.class.getResource(name);
    if (url == null) {
      fail("test resource " + name + " is missing from the test classpath");
    }
    return Path.of(url.toURI());
  }

  private static int countMatches(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
