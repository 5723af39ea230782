package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.pipelines.cli.FormalooOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The options of {@link Analytics}, beside the {@link FormalooOptions} every pipeline has (used
 * only when it reads from the API).
 */
public interface AnalyticsOptions extends FormalooOptions {
  @Description(
      "An export's folder (scripts/export --outputDir) to analyse, in any of its formats."
          + " Default: read customers and activities from the API.")
  String getInputDir();

  void setInputDir(String value);

  @Description(
      "A warehouse an export wrote (scripts/export --warehouse), as its JDBC URL, to analyse"
          + " instead of files or the API; its login as export takes it.")
  String getWarehouse();

  void setWarehouse(String value);

  @Description("Folder for the CSV files and report.html. Required.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("First day (YYYY-MM-DD, UTC) of the activities, by activity_date; default: all.")
  String getSince();

  void setSince(String value);

  @Description("Last day (YYYY-MM-DD, UTC, included) of the activities; default: today.")
  String getUntil();

  void setUntil(String value);

  @Description("How many of the most active customers to list.")
  @Default.Integer(20)
  int getTopCustomers();

  void setTopCustomers(int value);

  @Description("Score points per band: 100 makes bands 0–99, 100–199, ...")
  @Default.Integer(100)
  int getScoreBandWidth();

  void setScoreBandWidth(int value);
}
