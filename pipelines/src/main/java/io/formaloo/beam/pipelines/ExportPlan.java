package io.formaloo.beam.pipelines;

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
 */
record ExportPlan(
    ResourceId output,
    OutputFormat format,
    List<Entity> entities,
    DateWindow window,
    String dateField,
    int shards) {

  static final String CREATED_AT = "created_at";
  static final String ACTIVITY_DATE = "activity_date";

  /**
   * @throws InvalidOptionException naming the first option that is missing or wrong
   */
  static ExportPlan check(ExportOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    String outputDir = options.getOutputDir();
    if (outputDir == null || outputDir.isBlank()) {
      throw new InvalidOptionException(
          "--outputDir is required: the folder to export under (one sub-folder per entity)");
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
    return new ExportPlan(
        Locations.folder(outputDir.trim()), format, entities, window, field, options.getShards());
  }

  /** How many files an entity's folder gets; 0 for the runner's choice. */
  int shards(Entity entity) {
    return entity == Entity.CUSTOMERS || entity == Entity.ACTIVITIES ? shards : 1;
  }

  /** The folder of one entity's files. */
  ResourceId folder(Entity entity) {
    return Locations.folder(output, entity.folder());
  }
}
