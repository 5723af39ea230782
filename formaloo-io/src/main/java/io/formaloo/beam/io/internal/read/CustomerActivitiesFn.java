package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.internal.FormalooLineage;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityCustomer;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one customer's activities per input code. The endpoint's records (ActivityShort) do not
 * name their customer, so each is given its customer's code, as the input named it. Built by {@code
 * FormalooIO.readCustomerActivities()}.
 */
public final class CustomerActivitiesFn extends DoFn<String, Activity> {
  private static final long serialVersionUID = 1L;

  /** This transform's client in each JVM: see {@link ReadClients}. */
  private final String clientKey = ReadClients.newKey();

  private final FormalooConfig config;
  private final Map<String, String> filters;
  private transient @Nullable FormalooClient client;
  private transient ReadMetrics metrics;

  public CustomerActivitiesFn(FormalooConfig config, Map<String, String> filters) {
    this.config = config;
    this.filters = filters;
  }

  @Setup
  public void setup() {
    client = ReadClients.acquire(clientKey, config);
    metrics = new ReadMetrics();
  }

  @ProcessElement
  public void process(@Element String customerCode, OutputReceiver<Activity> out) {
    FormalooLineage.reportSource(config, ListEndpoint.ACTIVITIES);
    List<Activity> activities = client.customerActivities(customerCode, filters);
    metrics.queries.inc();
    metrics.pages.inc();
    for (Activity activity : activities) {
      ActivityCustomer customer = activity.getCustomer();
      if (customer == null || customer.getCode() == null) {
        ActivityCustomer.Builder withCode =
            customer == null ? ActivityCustomer.builder() : customer.toBuilder();
        activity = activity.toBuilder().setCustomer(withCode.setCode(customerCode).build()).build();
      }
      out.output(activity);
    }
    metrics.records.inc(activities.size());
  }

  @Teardown
  public void teardown() throws Exception {
    if (client != null) {
      ReadClients.release(clientKey);
      client = null;
    }
  }
}
