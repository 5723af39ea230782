package io.formaloo.beam.pipelines.backfill;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Checks an input glob before the pipeline starts: it matches files, of a format known. */
final class InputFiles {
  private InputFiles() {}

  /**
   * The files {@code glob} matches.
   *
   * @throws InvalidOptionException naming {@code option} if it matches none, cannot be listed, or
   *     matches a file whose format {@code format} cannot tell
   */
  static List<MatchResult.Metadata> check(String option, String glob, InputFormat format) {
    List<MatchResult.Metadata> files;
    try {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      files = match.status() == MatchResult.Status.NOT_FOUND ? List.of() : match.metadata();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidOptionException(
          "--" + option + "=" + glob + ": cannot list the files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InvalidOptionException("--" + option + "=" + glob + " matches no file");
    }
    List<String> unknown =
        files.stream()
            .map(f -> f.resourceId().getFilename())
            .filter(name -> format.of(name) == null)
            .limit(3)
            .collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new InvalidOptionException(
          "--"
              + option
              + "="
              + glob
              + ": cannot tell the format of "
              + unknown
              + " from the name: name files .jsonl or .csv, or set --inputFormat=jsonl|csv");
    }
    return files;
  }
}
