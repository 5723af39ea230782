package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.pipelines.cli.FormalooOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** The options of {@link Export}, beside the {@link FormalooOptions} every pipeline has. */
public interface ExportOptions extends FormalooOptions {
  @Description(
      "Folder to export under, one sub-folder per entity (<dir>/customers/, ...). Required unless"
          + " --warehouse is given.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("jsonl (API JSON, one record a line; default), avro or parquet (API field names).")
  @Default.String("jsonl")
  String getFormat();

  void setFormat(String value);

  @Description(
      "What to export, comma-separated: customers, activities, tags, action_types, currencies."
          + " Default: all of them.")
  @Default.String("customers,activities,tags,action_types,currencies")
  String getEntities();

  void setEntities(String value);

  @Description(
      "First day (YYYY-MM-DD, UTC) of the activities to export, by --activitiesDateField;"
          + " default: every activity.")
  String getSince();

  void setSince(String value);

  @Description("Last day (YYYY-MM-DD, UTC, included) of the activities; default: today.")
  String getUntil();

  void setUntil(String value);

  @Description(
      "The day --since/--until select activities by: created_at (when Formaloo recorded them;"
          + " default, right for incremental exports) or activity_date (when they happened).")
  @Default.String("created_at")
  String getActivitiesDateField();

  void setActivitiesDateField(String value);

  @Description(
      "Folder for what could not be read (a record that does not map onto the model, a page that"
          + " failed after the retries), one sub-folder per entity. Default: <outputDir>/_dead-letters.")
  String getDeadLetterDir();

  void setDeadLetterDir(String value);

  @Description(
      "Files per folder for customers and activities; 0 lets the runner choose, best on a"
          + " cluster. Tags, action types and currencies are one file each.")
  @Default.Integer(4)
  int getShards();

  void setShards(int value);

  @Description(
      "A JDBC URL to export into instead of files: jdbc:postgresql://HOST[:PORT]/DB or"
          + " jdbc:duckdb:FILE. One table per entity, upserted by key. The login comes from the URL"
          + " or FORMALOO_WAREHOUSE_USER / FORMALOO_WAREHOUSE_PASSWORD.")
  String getWarehouse();

  void setWarehouse(String value);

  @Description(
      "Read only what changed since the last complete run: activities by created_at from the"
          + " bookmark's day minus --lookbackDays to today. The bookmark is kept in the warehouse"
          + " (formaloo_sync_state) or in <outputDir>/_sync_state.json.")
  @Default.Boolean(false)
  boolean getIncremental();

  void setIncremental(boolean value);

  @Description(
      "Days before the bookmark's day that an incremental run reads again, for activities the API"
          + " recorded late.")
  @Default.Integer(2)
  int getLookbackDays();

  void setLookbackDays(int value);
}
