package io.formaloo.beam.pipelines.backfill;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.files.Locations;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What {@link BackfillOptions} ask for, checked before anything starts.
 *
 * @param customers the customers glob, absolute, or null
 * @param activities the activities glob, absolute, or null
 * @param deadLetters the dead-letter folder
 * @param format the input format
 * @param bulkImport auto, always or never
 */
record BackfillPlan(
    String customers,
    String activities,
    ResourceId deadLetters,
    InputFormat format,
    String bulkImport) {

  static final String CUSTOMERS = "customers";
  static final String ACTIVITIES = "activities";

  /**
   * @throws InvalidOptionException naming the first option that is missing or wrong
   */
  static BackfillPlan check(BackfillOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    String customers = blankToNull(options.getCustomersInput());
    String activities = blankToNull(options.getActivitiesInput());
    if (customers == null && activities == null) {
      throw new InvalidOptionException(
          "--customersInput or --activitiesInput is required: the files to load");
    }
    String deadLetterDir = blankToNull(options.getDeadLetterDir());
    if (deadLetterDir == null) {
      throw new InvalidOptionException(
          "--deadLetterDir is required: the folder for the records that do not land");
    }
    InputFormat format = InputFormat.parse(options.getInputFormat());
    String bulk = String.valueOf(options.getBulkImport()).trim().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "always", "never").contains(bulk)) {
      throw new InvalidOptionException(
          "--bulkImport must be auto, always or never, got " + options.getBulkImport());
    }
    if (options.getMaxParallelRequests() < 1) {
      throw new InvalidOptionException(
          "--maxParallelRequests must be at least 1, got " + options.getMaxParallelRequests());
    }
    if (options.getMaxConcurrentRequests() < 1 || options.getMaxConcurrentRequests() > 1_024) {
      throw new InvalidOptionException(
          "--maxConcurrentRequests must be between 1 and 1024, got "
              + options.getMaxConcurrentRequests());
    }
    ResourceId deadLetters = Locations.folder(deadLetterDir);
    if (customers != null) {
      customers = Locations.absolute(customers);
      checkNotReplacedByDeadLetters("customersInput", customers, format, deadLetters, CUSTOMERS);
    }
    if (activities != null) {
      activities = Locations.absolute(activities);
      checkNotReplacedByDeadLetters("activitiesInput", activities, format, deadLetters, ACTIVITIES);
    }
    return new BackfillPlan(customers, activities, deadLetters, format, bulk);
  }

  /** How many writes share the request budget. */
  int writes() {
    return (customers == null ? 0 : 1) + (activities == null ? 0 : 1);
  }

  /** The folder of one entity's dead letters. */
  ResourceId deadLetterFolder(String entity) {
    return Locations.folder(deadLetters, entity);
  }

  /**
   * A replay reads a dead-letter file; writing the new dead letters to the same folder would
   * replace the file being replayed.
   */
  private static void checkNotReplacedByDeadLetters(
      String option, String glob, InputFormat format, ResourceId deadLetters, String entity) {
    String folder = Locations.folder(deadLetters, entity).toString();
    for (MatchResult.Metadata file : InputFiles.check(option, glob, format)) {
      if (file.resourceId().getCurrentDirectory().toString().equals(folder)) {
        throw new InvalidOptionException(
            "--deadLetterDir="
                + deadLetters
                + " holds --"
                + option
                + " ("
                + file.resourceId()
                + "): give the replay another --deadLetterDir");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
