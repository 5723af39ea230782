package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.OperationType;
import io.formaloo.beam.io.model.Tag;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/** Records to write in tests: distinct customers and activities, and invalid ones. */
final class Fixtures {
  static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

  private Fixtures() {}

  static String email(int i) {
    return "writer" + i + "@example.com";
  }

  static Customer customer(int i) {
    return Customer.builder().setEmail(email(i)).setFullName("Writer " + i).setScore(i).build();
  }

  static List<Customer> customers(int from, int to) {
    List<Customer> customers = new ArrayList<>();
    for (int i = from; i < to; i++) {
      customers.add(customer(i));
    }
    return customers;
  }

  /** Activity {@code i} of customer {@code i % customers}, distinct by its date. */
  static Activity activity(int i, int customers) {
    return Activity.builder()
        .setAction(ActivityAction.ofSlug(i % 2 == 0 ? "login" : "page-view"))
        .setOperationType(OperationType.READ)
        .setActivityDate(DAY.plus(org.joda.time.Duration.standardMinutes(i)))
        .setCustomer(ActivityCustomer.builder().setEmail(email(i % customers)).build())
        .build();
  }

  static List<Activity> activities(int count, int customers) {
    List<Activity> activities = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      activities.add(activity(i, customers));
    }
    return activities;
  }

  /** A customer the checks pass but the API refuses: its tag does not exist. */
  static Customer customerWithUnknownTag(int i) {
    return customer(i).toBuilder()
        .setTags(List.of(Tag.builder().setSlug("no-such-tag").build()))
        .build();
  }

  static PCollection<Customer> create(Pipeline p, List<Customer> customers) {
    return p.apply("Customers", Create.of(customers).withCoder(coder(p, Customer.class)));
  }

  static PCollection<Activity> createActivities(Pipeline p, List<Activity> activities) {
    return p.apply("Activities", Create.of(activities).withCoder(coder(p, Activity.class)));
  }

  static <T> org.apache.beam.sdk.coders.Coder<T> coder(Pipeline p, Class<T> type) {
    try {
      return p.getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }
}
