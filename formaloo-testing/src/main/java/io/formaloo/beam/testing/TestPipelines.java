package io.formaloo.beam.testing;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Pipelines for tests. */
public final class TestPipelines {
  private TestPipelines() {}

  /**
   * A Direct-runner pipeline whose {@code run()} blocks until it finished, and which checks its
   * elements' encodings and immutability, as tests should.
   */
  public static Pipeline direct() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--blockOnRun=true").create());
  }
}
