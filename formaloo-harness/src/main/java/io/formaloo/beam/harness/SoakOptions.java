package io.formaloo.beam.harness;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The soak's options: what it generates and its bounds (defaults of the names it shares with {@link
 * DemoOptions} are applied in code: Beam refuses two defaults of one name).
 */
public interface SoakOptions extends PipelineOptions {
  @Description(
      "Distinct customers in the generated input (some lines repeat them). Default: 100,000.")
  Integer getCustomers();

  void setCustomers(Integer value);

  @Description(
      "Distinct activities in the generated input (some lines repeat them). Default: 200,000.")
  Integer getActivities();

  void setActivities(Integer value);

  @Description("Where the input, the dead letters and the export go. Default: target/soak.")
  String getWorkDir();

  void setWorkDir(String value);

  @Description("The longest the soak may run; past it, it stops and fails, saying so.")
  @Default.Integer(45)
  int getTimeLimitMinutes();

  void setTimeLimitMinutes(int value);

  @Description(
      "The most requests the emulator may receive; past it, the soak stops and fails. Default:"
          + " 1.5 per record plus 10,000 (a soak needs about 0.75).")
  Long getMaxRequests();

  void setMaxRequests(Long value);

  @Description("The seed of the generated input.")
  @Default.Long(7)
  long getSeed();

  void setSeed(long value);
}
