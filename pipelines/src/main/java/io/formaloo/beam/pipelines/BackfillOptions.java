package io.formaloo.beam.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** The options of {@link Backfill}, beside the {@link FormalooOptions} every pipeline has. */
public interface BackfillOptions extends FormalooOptions {
  @Description(
      "Customers to load: a file or glob of JSON Lines (API field names) or CSV files. A"
          + " dead-letter file of an earlier run replays its customers.")
  String getCustomersInput();

  void setCustomersInput(String value);

  @Description(
      "Activities to load: a file or glob of JSON Lines (API field names) or CSV files. A"
          + " dead-letter file of an earlier run replays its activities.")
  String getActivitiesInput();

  void setActivitiesInput(String value);

  @Description(
      "Folder for the records that did not land: <dir>/customers/ and <dir>/activities/, JSON"
          + " Lines of {\"record\": ..., \"error\": ...}. Required.")
  String getDeadLetterDir();

  void setDeadLetterDir(String value);

  @Description("auto (from each file's name: .jsonl, .ndjson, .json, .csv), jsonl or csv.")
  @Default.String("auto")
  String getInputFormat();

  void setInputFormat(String value);

  @Description(
      "Customers by bulk import jobs: auto (batches of more than 100), always, or never (one"
          + " request per customer).")
  @Default.String("auto")
  String getBulkImport();

  void setBulkImport(String value);

  @Description(
      "Parallel request streams per write (shards); the request budget is split among them.")
  @Default.Integer(4)
  int getMaxParallelRequests();

  void setMaxParallelRequests(int value);
}
