package io.formaloo.beam.pipelines.report;

import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.files.Locations;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Gathers the aggregates (side inputs: each is small) into a {@link ReportData} and writes the
 * report's files. It runs once, on the one element it is given; written again on a retry, the files
 * come out the same.
 */
public final class WriteReportFn extends DoFn<Integer, String> {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String window;
  private final String folder;
  private final PCollectionView<Long> customers;
  private final PCollectionView<Long> activities;
  private final PCollectionView<List<ReportData.DailyCount>> daily;
  private final PCollectionView<List<ReportData.ScoreBand>> bands;
  private final PCollectionView<List<ReportData.CustomerActivity>> top;

  public WriteReportFn(
      String source,
      DateWindow window,
      ResourceId folder,
      PCollectionView<Long> customers,
      PCollectionView<Long> activities,
      PCollectionView<List<ReportData.DailyCount>> daily,
      PCollectionView<List<ReportData.ScoreBand>> bands,
      PCollectionView<List<ReportData.CustomerActivity>> top) {
    this.source = source;
    this.window = window == null ? null : window.toString();
    this.folder = folder.toString();
    this.customers = customers;
    this.activities = activities;
    this.daily = daily;
    this.bands = bands;
    this.top = top;
  }

  @ProcessElement
  public void process(ProcessContext context) throws IOException {
    ReportData data =
        new ReportData(
            source,
            window,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            context.sideInput(customers),
            context.sideInput(activities),
            new ArrayList<>(context.sideInput(daily)),
            new ArrayList<>(context.sideInput(bands)),
            new ArrayList<>(context.sideInput(top)));
    for (ResourceId file : ReportFiles.write(data, Locations.folder(folder))) {
      context.output(file.toString());
    }
  }
}
