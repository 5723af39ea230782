package io.formaloo.beam.io.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Page;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads page 1 of each query: emits its records, and (to a second output) the plan of the pages
 * after it — the list's size, the server's page size and its last page at that moment.
 *
 * <p><b>Counts that cannot be true.</b> The plan trusts the {@code count}, {@code page_size} and
 * {@code page_count} page 1 answers with, but a plan is work fanned out to every worker, so a wrong
 * count must not become millions of requests for pages that do not exist:
 *
 * <ul>
 *   <li>a negative {@code count} or {@code page_count}, a {@code page_size} below 1, or a {@code
 *       page_count} beyond a 32-bit integer fails the read with a {@link
 *       io.formaloo.beam.io.client.ErrorKind#REMOTE} {@link
 *       io.formaloo.beam.io.client.FormalooException} from the client, naming the field;
 *   <li>a plan of more than {@value #VERIFY_ABOVE_PAGES} pages is verified before it is fanned out:
 *       its last page is fetched, and if it holds no records (past the end: the count was wrong),
 *       the last page that does is found by bisection, in at most 31 more requests, and the plan
 *       ends there. A warning says so. Pages the list gains later are still read: the last chunk
 *       follows the list past its planned end (see {@link ReadPagesFn}).
 *   <li>a count whose pages no page number can reach is cut to the highest page number, then
 *       verified as above.
 * </ul>
 */
final class PlanQueryFn<T> extends DoFn<ListQuery<T>, T> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PlanQueryFn.class);

  /**
   * Plans of more pages than this are verified by fetching their last page first: one request, next
   * to the thousands the plan will send when it is true.
   */
  static final long VERIFY_ABOVE_PAGES = 1_000;

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
    if (plan.lastPage > VERIFY_ABOVE_PAGES) {
      plan = verified(plan);
    }
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
    // Page numbers are 32-bit: a count beyond them cannot be true, and is verified as cut.
    return new QueryPlan<>(query, count, pageSize, Math.min(lastPage, Integer.MAX_VALUE));
  }

  /**
   * The plan if its last page holds records; else the plan up to the last page that does, found by
   * bisection between page 1 (which holds records) and the planned last page (which does not).
   */
  private QueryPlan<T> verified(QueryPlan<T> plan) {
    if (!fetch(plan, plan.lastPage).getRecords().isEmpty()) {
      return plan;
    }
    long holds = 1;
    long past = plan.lastPage;
    while (past - holds > 1) {
      long middle = holds + (past - holds) / 2;
      if (fetch(plan, middle).getRecords().isEmpty()) {
        past = middle;
      } else {
        holds = middle;
      }
    }
    LOG.warn(
        "{}: the API counts {} records ({} pages of {}), but its pages end at page {}: reading"
            + " those",
        plan.query,
        plan.plannedCount,
        plan.lastPage,
        plan.pageSize,
        holds);
    return new QueryPlan<>(plan.query, plan.plannedCount, plan.pageSize, holds);
  }

  /** A page fetched to test the plan; its records are read again by the chunks, if at all. */
  private Page<T> fetch(QueryPlan<T> plan, long page) {
    return client.listPage(
        plan.query.endpoint(), plan.query.filters(), Math.toIntExact(page), plan.pageSize);
  }

  @Teardown
  public void teardown() throws Exception {
    if (client != null) {
      ReadClients.release(clientKey);
      client = null;
    }
  }
}
