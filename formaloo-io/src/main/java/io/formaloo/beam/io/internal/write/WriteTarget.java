package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import java.io.ObjectStreamException;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a write writes, and what that means for each record: its checks, its preparation (a stable
 * slug for activities), the customer identity it is sharded by, and the request that writes one.
 *
 * @param <T> the record type
 */
public abstract class WriteTarget<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code POST /customers/} (one by one) or {@code POST /customers/batch/} (bulk imports). */
  public static final WriteTarget<Customer> CUSTOMERS = new Customers();

  /** {@code POST /activities}. */
  public static final WriteTarget<Activity> ACTIVITIES = new Activities();

  private WriteTarget() {}

  /** What is written, for messages and display data: {@code customers} or {@code activities}. */
  public abstract String name();

  /** The record class. */
  public abstract Class<T> recordClass();

  /** Whether batches can go to bulk import jobs (customers only). */
  public abstract boolean supportsBulkImport();

  /** The problems that keep {@code record} from being sent; empty when it may be. */
  abstract FieldProblems check(T record);

  /** The record as it is sent: an activity gets its stable slug. Only for checked records. */
  abstract T prepare(T record);

  /** The customer the record concerns (email, else phone, else code), to shard by. */
  abstract String customerIdentity(T record);

  /** The request that writes one record. */
  abstract RecordWriter<T> writer();

  /** A failure record that carries {@code record}. */
  abstract FailedRecord.Builder failureOf(T record);

  /** The input record a failure carries. */
  abstract @Nullable T recordOf(FailedRecord failure);

  @Override
  public String toString() {
    return name();
  }

  private static String firstOf(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  private static final class Customers extends WriteTarget<Customer> {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "customers";
    }

    @Override
    public Class<Customer> recordClass() {
      return Customer.class;
    }

    @Override
    public boolean supportsBulkImport() {
      return true;
    }

    @Override
    FieldProblems check(Customer record) {
      return CustomerChecks.check(record);
    }

    @Override
    Customer prepare(Customer record) {
      return record;
    }

    @Override
    String customerIdentity(Customer record) {
      return firstOf(record.getEmail(), record.getPhoneNumber(), record.getCode());
    }

    @Override
    RecordWriter<Customer> writer() {
      return new CustomerWriter();
    }

    @Override
    FailedRecord.Builder failureOf(Customer record) {
      return FailedRecord.builder().setCustomer(record);
    }

    @Override
    @Nullable Customer recordOf(FailedRecord failure) {
      return failure.getCustomer();
    }

    private Object readResolve() throws ObjectStreamException {
      return CUSTOMERS;
    }
  }

  private static final class Activities extends WriteTarget<Activity> {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "activities";
    }

    @Override
    public Class<Activity> recordClass() {
      return Activity.class;
    }

    @Override
    public boolean supportsBulkImport() {
      return false;
    }

    @Override
    FieldProblems check(Activity record) {
      return ActivityChecks.check(record);
    }

    @Override
    Activity prepare(Activity record) {
      return ActivitySlugs.withSlug(record);
    }

    @Override
    String customerIdentity(Activity record) {
      ActivityCustomer c = record.getCustomer();
      return c == null
          ? firstOf(record.getSlug())
          : firstOf(c.getEmail(), c.getPhoneNumber(), c.getCode(), record.getSlug());
    }

    @Override
    RecordWriter<Activity> writer() {
      return new ActivityWriter();
    }

    @Override
    FailedRecord.Builder failureOf(Activity record) {
      return FailedRecord.builder().setActivity(record);
    }

    @Override
    @Nullable Activity recordOf(FailedRecord failure) {
      return failure.getActivity();
    }

    private Object readResolve() throws ObjectStreamException {
      return ACTIVITIES;
    }
  }
}
