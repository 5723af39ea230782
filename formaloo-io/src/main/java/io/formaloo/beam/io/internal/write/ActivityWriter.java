package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.client.WriteAnswer;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.write.FailedRecord;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code POST /activities} for one activity, which always carries a slug by now (its own or a
 * stable one). The API refuses a slug it already has with a 400 naming the slug; for a slug this
 * writer sent, that means an earlier attempt (a lost answer, a replayed bundle) wrote it: written.
 */
final class ActivityWriter implements RecordWriter<Activity> {
  @Override
  public void write(FormalooClient client, TimestampedValue<Activity> record, Results results) {
    Activity activity = record.getValue();
    try {
      WriteAnswer<Activity> answer = client.postActivity(activity);
      Activity answered = answer.record();
      results.written(
          written(activity, answered.getCustomer())
              .setActivitySlug(answered.getSlug() != null ? answered.getSlug() : activity.getSlug())
              .setCreated(true)
              .setAttempts(answer.attempts())
              .build(),
          record.getTimestamp());
    } catch (FormalooException e) {
      if (isSlugTaken(e)) {
        results.written(
            written(activity, null)
                .setActivitySlug(activity.getSlug())
                .setCreated(false)
                .setAttempts(e.attempts())
                .build(),
            record.getTimestamp());
        return;
      }
      results.failed(
          Failures.of(e, FailedRecord.builder().setActivity(activity)), record.getTimestamp());
    }
  }

  private static WrittenRecord.Builder written(
      Activity sent, @Nullable ActivityCustomer answeredCustomer) {
    ActivityCustomer customer = sent.getCustomer();
    String code = answeredCustomer != null ? answeredCustomer.getCode() : null;
    if (code == null && customer != null) {
      code = customer.getCode();
    }
    return WrittenRecord.builder()
        .setCustomerCode(code)
        .setEmail(customer == null ? null : customer.getEmail())
        .setPhoneNumber(customer == null ? null : customer.getPhoneNumber());
  }

  /**
   * Whether the API refused the activity only because its slug exists: a 400 whose one field error
   * is on {@code slug} and says so. Any other error beside it means the record itself is wrong.
   */
  static boolean isSlugTaken(FormalooException e) {
    if (e.kind() != ErrorKind.RECORD || e.status() != 400) {
      return false;
    }
    Map<String, List<String>> errors = e.fieldErrors();
    if (errors.size() != 1 || !errors.containsKey("slug")) {
      return false;
    }
    for (String message : errors.get("slug")) {
      if (message.contains("already exists")) {
        return true;
      }
    }
    return false;
  }
}
