package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.write.FailedRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;

/**
 * A failure as Beam's standard {@link BadRecord}, for {@code withErrorHandler}: the input record as
 * JSON and encoded with its coder, the failure's kind, status, attempts and error as its
 * description.
 */
final class ToBadRecordFn<T> extends DoFn<FailedRecord, BadRecord> {
  private static final long serialVersionUID = 1L;

  private final WriteTarget<T> target;
  private final Coder<T> recordCoder;

  ToBadRecordFn(WriteTarget<T> target, Coder<T> recordCoder) {
    this.target = target;
    this.recordCoder = recordCoder;
  }

  @ProcessElement
  public void process(@Element FailedRecord failure, OutputReceiver<BadRecord> out) {
    BadRecord.Record.Builder record = BadRecord.Record.builder();
    T input = target.recordOf(failure);
    if (input != null) {
      record.setHumanReadableJsonRecord(json(input)).addCoderAndEncodedRecord(recordCoder, input);
    }
    out.output(
        BadRecord.builder()
            .setRecord(record.build())
            .setFailure(
                BadRecord.Failure.builder()
                    .setException(failure.getKind().name())
                    .setDescription(description(failure))
                    .build())
            .build());
  }

  private String description(FailedRecord failure) {
    StringBuilder d =
        new StringBuilder("FormalooIO write of ")
            .append(target.name())
            .append(": ")
            .append(failure.getKind());
    if (failure.getStatus() > 0) {
      d.append(", HTTP ").append(failure.getStatus());
    }
    d.append(", ").append(failure.getAttempts()).append(" attempt(s)");
    if (failure.getJobSlug() != null) {
      d.append(", bulk import job ").append(failure.getJobSlug());
    }
    return d.append(": ").append(failure.getError()).toString();
  }

  private static String json(Object record) {
    try {
      return ModelJson.toJson(record);
    } catch (IllegalArgumentException e) {
      // A free-form field that is not JSON: the record's own text still shows what it was.
      return String.valueOf(record);
    }
  }
}
