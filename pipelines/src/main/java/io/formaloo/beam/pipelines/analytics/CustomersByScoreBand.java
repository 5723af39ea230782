package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.report.ReportData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Counts customers per band of {@code width} score points (0–99, 100–199, ...) and those without a
 * score, as one list.
 */
final class CustomersByScoreBand
    extends PTransform<PCollection<Customer>, PCollection<List<ReportData.ScoreBand>>> {
  private static final long serialVersionUID = 1L;

  private final int width;

  CustomersByScoreBand(int width) {
    this.width = width;
  }

  @Override
  public PCollection<List<ReportData.ScoreBand>> expand(PCollection<Customer> customers) {
    int w = width;
    return customers
        .apply(
            "Band",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Customer c) ->
                        String.valueOf(c.getScore() == null ? -1 : Math.floorDiv(c.getScore(), w))))
        .setCoder(StringUtf8Coder.of())
        .apply("Count", Combine.globally(new CountByKeyFn()))
        .setCoder(CountByKeyFn.coder())
        .apply(
            "As bands",
            MapElements.into(TypeDescriptors.lists(TypeDescriptor.of(ReportData.ScoreBand.class)))
                .via((Map<String, Long> counts) -> bands(counts, w)))
        .setCoder(ListCoder.of(SerializableCoder.of(ReportData.ScoreBand.class)));
  }

  private static List<ReportData.ScoreBand> bands(Map<String, Long> counts, int width) {
    List<ReportData.ScoreBand> bands = new ArrayList<>();
    counts.forEach(
        (key, n) -> {
          int band = Integer.parseInt(key);
          bands.add(
              band < 0
                  ? new ReportData.ScoreBand(-1, 0, 0, n)
                  : new ReportData.ScoreBand(band, band * width, band * width + width - 1, n));
        });
    return bands;
  }
}
