package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.files.OutputFormat;
import io.formaloo.beam.pipelines.records.Entity;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What {@link ExportOptions} ask for, checked before anything starts.
 *
 * @param output the folder to export under
 * @param format the file format
 * @param entities what to export
 * @param window the activities' days, or null for every activity
 * @param dateField {@code created_at} or {@code activity_date}: what the window selects by
 * @param shards files per folder for customers and activities; 0 for the runner's choice
 * @param deadLetters the folder for what could not be read
 * @param warehouse the JDBC URL to export into (never printed as it is), or null for files
 * @param incremental whether a bookmark decides what is read
 * @param lookbackDays days before the bookmark's day an incremental run reads again
 */
record ExportPlan(
    ResourceId output,
    OutputFormat format,
    List<Entity> entities,
    DateWindow window,
    String dateField,
    int shards,
    ResourceId deadLetters,
    String warehouse,
    boolean incremental,
    int lookbackDays) {
  /** Under the output folder, beside the entities' folders, unless --deadLetterDir says. */
  static final String DEFAULT_DEAD_LETTERS = "_dead-letters";

  /** Where an export into a warehouse puts what it could not read, unless --deadLetterDir says. */
  static final String WAREHOUSE_DEAD_LETTERS = "export-dead-letters";

  static final String CREATED_AT = "created_at";
  static final String ACTIVITY_DATE = "activity_date";

  /**
   * @throws InvalidOptionException naming the first option that is missing or wrong
   */
  static ExportPlan check(ExportOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    String outputDir = blankToNull(options.getOutputDir());
    String warehouse = blankToNull(options.getWarehouse());
    if (outputDir == null && warehouse == null) {
      throw new InvalidOptionException(
          "--outputDir or --warehouse is required: the folder to export under (one sub-folder per"
              + " entity), or the JDBC URL of a database to export into");
    }
    if (outputDir != null && warehouse != null) {
      throw new InvalidOptionException(
          "--outputDir and --warehouse: give one of them, files or a warehouse");
    }
    OutputFormat format = OutputFormat.parse(options.getFormat());
    List<Entity> entities = Entity.parseList(options.getEntities());
    DateWindow window = DateWindow.parse(options.getSince(), options.getUntil());
    String field = String.valueOf(options.getActivitiesDateField()).trim().toLowerCase(Locale.ROOT);
    if (!field.equals(CREATED_AT) && !field.equals(ACTIVITY_DATE)) {
      throw new InvalidOptionException(
          "--activitiesDateField must be created_at or activity_date, got "
              + options.getActivitiesDateField());
    }
    if (window != null && !entities.contains(Entity.ACTIVITIES)) {
      throw new InvalidOptionException(
          "--since/--until select activities, which --entities="
              + options.getEntities()
              + " leaves out");
    }
    if (options.getShards() < 0) {
      throw new InvalidOptionException(
          "--shards must not be negative (0 lets the runner choose), got " + options.getShards());
    }
    if (options.getIncremental()) {
      checkIncremental(options, window, field);
    }
    ResourceId output = outputDir == null ? null : Locations.folder(outputDir.trim());
    String deadLetterDir = blankToNull(options.getDeadLetterDir());
    ResourceId deadLetters =
        deadLetterDir != null
            ? Locations.folder(deadLetterDir.trim())
            : output == null
                ? Locations.folder(WAREHOUSE_DEAD_LETTERS)
                : Locations.folder(output, DEFAULT_DEAD_LETTERS);
    return new ExportPlan(
        output,
        format,
        entities,
        window,
        field,
        options.getShards(),
        deadLetters,
        warehouse,
        options.getIncremental(),
        options.getLookbackDays());
  }

  /** The bookmark decides the window, by the day Formaloo recorded activities. */
  private static void checkIncremental(ExportOptions options, DateWindow window, String field) {
    if (window != null) {
      throw new InvalidOptionException(
          "--incremental reads from its bookmark: leave out --since/--until");
    }
    if (!field.equals(CREATED_AT)) {
      throw new InvalidOptionException(
          "--incremental reads activities by created_at (the day Formaloo recorded them): leave"
              + " out --activitiesDateField="
              + options.getActivitiesDateField());
    }
    if (options.getLookbackDays() < 0) {
      throw new InvalidOptionException(
          "--lookbackDays must not be negative, got " + options.getLookbackDays());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** How many files an entity's folder gets; 0 for the runner's choice. */
  int shards(Entity entity) {
    return entity == Entity.CUSTOMERS || entity == Entity.ACTIVITIES ? shards : 1;
  }

  /** The folder of one entity's dead letters. */
  ResourceId deadLetterFolder(Entity entity) {
    return Locations.folder(deadLetters, entity.folder());
  }

  /** The folder of one entity's files. */
  ResourceId folder(Entity entity) {
    return Locations.folder(output, entity.folder());
  }
}
