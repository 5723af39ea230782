package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.files.WriteRecordFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Removes the files an earlier export left in a folder, before a new export writes there: the new
 * one may write fewer files, and a reader of the folder must not see the old ones beside them. Only
 * files named as export names them ({@code part-*}) are touched.
 */
final class StaleFiles {
  private StaleFiles() {}

  /** Deletes {@code folder}'s {@code part-*} files; answers how many there were. */
  static int delete(ResourceId folder) {
    return deleteMatching(Locations.file(folder, WriteRecordFiles.PREFIX + "-*").toString());
  }

  /**
   * Deletes the files of the days an incremental export is about to write again, in {@code
   * created_date=YYYY-MM-DD/} folders under {@code folder}: every day's (and any unpartitioned
   * files) when it reads every activity ({@code window} null).
   */
  static int deleteDays(ResourceId folder, DateWindow window) {
    if (window == null) {
      return delete(folder) + deleteMatching(dayFiles(folder, "*"));
    }
    int deleted = 0;
    for (LocalDate day = window.since(); !day.isAfter(window.until()); day = day.plusDays(1)) {
      deleted += deleteMatching(dayFiles(folder, day.toString()));
    }
    return deleted;
  }

  private static String dayFiles(ResourceId folder, String day) {
    return Locations.file(
            folder, WriteRecordFiles.DAY_PARTITION + day + "/" + WriteRecordFiles.PREFIX + "-*")
        .toString();
  }

  private static int deleteMatching(String glob) {
    try {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK) {
        return 0;
      }
      List<ResourceId> files = new ArrayList<>();
      for (MatchResult.Metadata file : match.metadata()) {
        files.add(file.resourceId());
      }
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
      return files.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the old files " + glob, e);
    }
  }
}
