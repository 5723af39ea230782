package io.formaloo.beam.pipelines.deadletters;

import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * The export's error handler for one entity: what its read could not read (see the connector's
 * {@code withErrorHandler}) as dead-letter lines, {@code <folder>/failures-00000-of-00001.jsonl},
 * counted as {@code <entity>_read_failed}.
 */
public final class ReadDeadLetters extends PTransform<PCollection<BadRecord>, PDone> {
  private static final long serialVersionUID = 1L;

  public static final String COUNTER = "read_failed";

  private final String entity;
  private final ResourceId folder;

  public ReadDeadLetters(String entity, ResourceId folder) {
    this.entity = entity;
    this.folder = folder;
  }

  @Override
  public PDone expand(PCollection<BadRecord> failures) {
    return failures
        .apply("As dead letters", ParDo.of(new ToLineFn(entity)))
        .apply(
            "Write",
            // One file: a person opens it.
            TextIO.write()
                .to(Locations.file(folder, "failures").toString())
                .withSuffix(".jsonl")
                .withNumShards(1));
  }

  private static final class ToLineFn extends DoFn<BadRecord, String> {
    private static final long serialVersionUID = 1L;

    private final Counter failed;

    ToLineFn(String entity) {
      this.failed = PipelineCounters.counter(entity, COUNTER);
    }

    @ProcessElement
    public void process(@Element BadRecord failure, OutputReceiver<String> out) {
      failed.inc();
      out.output(DeadLetters.forReadFailure(failure));
    }
  }
}
