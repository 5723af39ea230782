package io.formaloo.beam.io.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Page;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads page 1 of each query: emits its records, and (to a second output) the plan of the pages
 * after it — the list's size, the server's page size and its last page at that moment.
 */
final class PlanQueryFn<T> extends DoFn<ListQuery<T>, T> {
  private static final long serialVersionUID = 1L;

  private final String clientKey;
  private final FormalooConfig config;
  private final @Nullable Integer requestedPageSize;
  private final TupleTag<T> records;
  private final TupleTag<QueryPlan<T>> plans;
  private transient @Nullable FormalooClient client;
  private transient ReadMetrics metrics;

  /** {@code clientKey}: see {@link ReadClients}. */
  PlanQueryFn(
      String clientKey,
      FormalooConfig config,
      @Nullable Integer requestedPageSize,
      TupleTag<T> records,
      TupleTag<QueryPlan<T>> plans) {
    this.clientKey = clientKey;
    this.config = config;
    this.requestedPageSize = requestedPageSize;
    this.records = records;
    this.plans = plans;
  }

  @Setup
  public void setup() {
    client = ReadClients.acquire(clientKey, config);
    metrics = new ReadMetrics();
  }

  @ProcessElement
  public void process(@Element ListQuery<T> query, MultiOutputReceiver out) {
    metrics.queries.inc();
    Page<T> first = client.listPage(query.endpoint(), query.filters(), 1, requestedPageSize);
    metrics.pages.inc();
    for (T record : first.getRecords()) {
      out.get(records).output(record);
    }
    metrics.records.inc(first.getRecords().size());
    QueryPlan<T> plan = plan(query, first);
    if (plan.lastPage >= 2) {
      out.get(plans).output(plan);
    }
  }

  /** The plan page 1 gives; pages are trusted as the server sized and counted them. */
  static <T> QueryPlan<T> plan(ListQuery<T> query, Page<T> first) {
    int pageSize =
        first.getPageSize() != null && first.getPageSize() > 0
            ? first.getPageSize()
            : Math.max(1, first.getRecords().size());
    long count = first.getCount() != null ? first.getCount() : first.getRecords().size();
    long lastPage =
        first.getPageCount() != null
            ? first.getPageCount()
            : Math.max(1, (count + pageSize - 1) / pageSize);
    if (first.hasNext() && lastPage < 2) {
      // The list grew between counting and linking: there is at least a second page.
      lastPage = 2;
    }
    return new QueryPlan<>(query, count, pageSize, lastPage);
  }

  @Teardown
  public void teardown() throws Exception {
    if (client != null) {
      ReadClients.release(clientKey);
      client = null;
    }
  }
}
