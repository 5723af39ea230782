package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.files.Locations;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What {@link AnalyticsOptions} ask for, checked before anything starts.
 *
 * @param input an export's folder, or null to read from the API or a warehouse
 * @param warehouse the JDBC URL of a warehouse an export wrote, or null
 * @param output the folder for the CSV files and the report
 * @param window the activities' days (by activity date), or null for all
 * @param topCustomers how many customers to list
 * @param scoreBandWidth score points per band
 */
record AnalyticsPlan(
    ResourceId input,
    String warehouse,
    ResourceId output,
    DateWindow window,
    int topCustomers,
    int scoreBandWidth) {

  /**
   * @throws InvalidOptionException naming the first option that is missing or wrong
   */
  static AnalyticsPlan check(AnalyticsOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    String outputDir = options.getOutputDir();
    if (outputDir == null || outputDir.isBlank()) {
      throw new InvalidOptionException(
          "--outputDir is required: the folder for the CSV files and report.html");
    }
    if (options.getTopCustomers() < 1 || options.getTopCustomers() > 1000) {
      throw new InvalidOptionException(
          "--topCustomers must be from 1 to 1000, got " + options.getTopCustomers());
    }
    if (options.getScoreBandWidth() < 1) {
      throw new InvalidOptionException(
          "--scoreBandWidth must be at least 1, got " + options.getScoreBandWidth());
    }
    DateWindow window = DateWindow.parse(options.getSince(), options.getUntil());
    String inputDir = options.getInputDir();
    String warehouse = options.getWarehouse();
    boolean fromFiles = inputDir != null && !inputDir.isBlank();
    boolean fromWarehouse = warehouse != null && !warehouse.isBlank();
    if (fromFiles && fromWarehouse) {
      throw new InvalidOptionException(
          "--inputDir and --warehouse: give one of them, an export's files or its warehouse");
    }
    return new AnalyticsPlan(
        fromFiles ? Locations.folder(inputDir.trim()) : null,
        fromWarehouse ? warehouse.trim() : null,
        Locations.folder(outputDir.trim()),
        window,
        options.getTopCustomers(),
        options.getScoreBandWidth());
  }

  /** Whether the data comes from the API rather than an export. */
  boolean fromApi() {
    return input == null && warehouse == null;
  }
}
