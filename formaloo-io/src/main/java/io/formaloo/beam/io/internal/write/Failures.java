package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.FailureKind;

/** Turns a failed request into a {@link FailedRecord}, or into a failed pipeline. */
final class Failures {
  private Failures() {}

  /**
   * The failure record of {@code e}, completing {@code failure} (which names the record).
   *
   * @throws FormalooException {@code e} itself when it is a configuration error: no record can be
   *     written with this configuration, so the pipeline fails instead of failing every record
   */
  static FailedRecord of(FormalooException e, FailedRecord.Builder failure) {
    return failure
        .setKind(kindOf(rethrowConfiguration(e)))
        .setStatus(e.status())
        .setError(String.valueOf(e.getMessage()))
        .setFieldErrorsJson(FieldProblems.toJson(e.fieldErrors()))
        .setAttempts(e.attempts())
        .build();
  }

  /** Throws {@code e} if it is a configuration error, else returns it. */
  static FormalooException rethrowConfiguration(FormalooException e) {
    if (e.kind() == ErrorKind.CONFIGURATION) {
      throw e;
    }
    return e;
  }

  static FailureKind kindOf(FormalooException e) {
    switch (e.kind()) {
      case QUOTA:
        return FailureKind.QUOTA;
      case REMOTE:
        return FailureKind.REMOTE;
      case TIMEOUT:
        return FailureKind.TIMEOUT;
      case RECORD:
      case CONFIGURATION:
      default:
        return FailureKind.REJECTED;
    }
  }
}
