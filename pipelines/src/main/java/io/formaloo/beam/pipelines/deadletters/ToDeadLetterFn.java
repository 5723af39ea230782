package io.formaloo.beam.pipelines.deadletters;

import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/** Turns a write's failure into its dead-letter line, and counts it. */
public final class ToDeadLetterFn extends DoFn<FailedRecord, String> {
  private static final long serialVersionUID = 1L;

  private final Counter failed;

  public ToDeadLetterFn(String entity) {
    this.failed = PipelineCounters.counter(entity, "failed");
  }

  @ProcessElement
  public void process(@Element FailedRecord failure, OutputReceiver<String> out) {
    failed.inc();
    out.output(DeadLetters.forFailure(failure));
  }
}
