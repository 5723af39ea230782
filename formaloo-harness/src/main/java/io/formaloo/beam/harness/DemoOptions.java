package io.formaloo.beam.harness;

import io.formaloo.beam.pipelines.cli.FormalooOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The demo's own options (no {@code @Default} on the names it shares with {@link SoakOptions}: Beam
 * checks every registered interface together, and two defaults of one name contradict); the
 * pipelines' (and the runner's) may be given beside them.
 */
public interface DemoOptions extends FormalooOptions {
  @Description(
      "Where the demo writes its input, dead letters, export and report. Default: target/demo.")
  String getWorkDir();

  void setWorkDir(String value);

  @Description("Customers the emulator is seeded with. Default: 2,000.")
  Integer getCustomers();

  void setCustomers(Integer value);

  @Description("Activities the emulator is seeded with. Default: 20,000.")
  Integer getActivities();

  void setActivities(Integer value);

  @Description("Customers in the generated backfill input (a few bad ones are added).")
  @Default.Integer(300)
  int getBackfillCustomers();

  void setBackfillCustomers(int value);

  @Description("Activities in the generated backfill input (a few bad ones are added).")
  @Default.Integer(1_500)
  int getBackfillActivities();

  void setBackfillActivities(int value);

  @Description("The export's file format: jsonl, avro or parquet.")
  @Default.String("jsonl")
  String getExportFormat();

  void setExportFormat(String value);
}
