package io.formaloo.beam.pipelines.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Parses a line of a JSON Lines export. A line that is not a record is counted ({@code
 * input_unparseable}, in the summary) and skipped: the export wrote these files, so such a line
 * means the files were changed since, and the analytics says how many it left out.
 *
 * @param <T> the model class
 */
public final class ParseJsonLineFn<T> extends DoFn<String, T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final Counter unparseable = PipelineCounters.counter(PipelineCounters.UNPARSEABLE);
  private final Counter read = PipelineCounters.counter(PipelineCounters.RECORDS_READ);

  public ParseJsonLineFn(Class<T> type) {
    this.type = type;
  }

  @ProcessElement
  public void process(@Element String line, OutputReceiver<T> out) {
    if (line.isBlank()) {
      return;
    }
    try {
      out.output(ModelJson.parse(line, type));
      read.inc();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      unparseable.inc();
    }
  }
}
