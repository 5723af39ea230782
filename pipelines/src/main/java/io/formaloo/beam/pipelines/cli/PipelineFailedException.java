package io.formaloo.beam.pipelines.cli;

/** A pipeline started but did not finish; the message says why, from the deepest cause. */
public final class PipelineFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PipelineFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A run whose pipeline ended but whose work is not complete, e.g. an incremental export that
   * could not read everything and so left its bookmark.
   */
  public static PipelineFailedException incomplete(String message) {
    return new PipelineFailedException(message, null);
  }
}
