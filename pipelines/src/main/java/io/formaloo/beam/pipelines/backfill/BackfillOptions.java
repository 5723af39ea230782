package io.formaloo.beam.pipelines.backfill;

import io.formaloo.beam.pipelines.cli.FormalooOptions;
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
      "Shards per write: the keys its batches form under, so how many workers can write batches"
          + " at once. It does not bound the requests in flight (--maxConcurrentRequests does).")
  @Default.Integer(4)
  int getMaxParallelRequests();

  void setMaxParallelRequests(int value);

  @Description(
      "Requests in flight at once per write in each worker process, shared by all its shards; a"
          + " record waiting out a retry holds one while the others go on (at most 1,024).")
  @Default.Integer(16)
  int getMaxConcurrentRequests();

  void setMaxConcurrentRequests(int value);
}
