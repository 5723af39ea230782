package io.formaloo.beam.io.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.ActionTypeGroup;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Business;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.CustomerBatchImport;
import io.formaloo.beam.io.model.Page;
import io.formaloo.beam.io.model.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one HTTP client of the connector: every call to the Formaloo API goes through it.
 *
 * <p>It authenticates ({@link AuthFlow}; tokens shared per JVM, renewed before they expire and once
 * on a 401), limits its own rate (a rate found by a controller shared per account and worker, under
 * an optional ceiling: see {@link RateLimit}), retries what is worth retrying ({@link
 * RetryPolicy}), unwraps the {@code {"status", "errors", "data"}} envelope, and turns every failure
 * into a {@link FormalooException} whose {@link ErrorKind} says what to do about it. Connections
 * are kept alive in a pool of {@link FormalooConfig#maxConnections()}.
 *
 * <p>Thread-safe: create one per {@code DoFn} instance in {@code @Setup}, share it among threads
 * freely, and {@link #close()} it in {@code @Teardown}.
 *
 * <p>Every call but {@link #listBusinesses()} sends the business (as {@link
 * FormalooConfig#businessParameter()}) when the config has one. Every call throws {@link
 * FormalooException} when it does not succeed.
 */
public final class FormalooClient implements AutoCloseable {
  private final FormalooConfig config;
  private final Transport transport;
  private final RequestExecutor executor;
  private final ApiCalls calls;
  private final ListPages pages;
  private final @Nullable RateController controller;

  private FormalooClient(
      FormalooConfig config,
      Transport transport,
      RequestExecutor executor,
      Authenticator auth,
      @Nullable RateController controller) {
    this.config = config;
    this.transport = transport;
    this.executor = executor;
    this.calls = new ApiCalls(config, executor, auth);
    this.pages = new ListPages(calls);
    this.controller = controller;
  }

  /**
   * A client for {@code config}. Resolves the credentials (calling their provider, if any) but
   * sends nothing yet.
   *
   * @throws IllegalArgumentException if the credentials cannot be had or do not fit the auth flow
   */
  public static FormalooClient create(FormalooConfig config) {
    ClientEnvironment env = ClientEnvironment.system();
    Secrets secrets = config.credentials().resolve().requireFor(config.authFlow());
    // One controller per account and worker process: the API's limit is the account's.
    RateController controller =
        config.rateLimit().isAdaptive()
            ? RateControllers.forKey(
                secrets.cacheKey(config.baseUrl(), config.authFlow()) + "/" + config.business(),
                env)
            : null;
    return create(config, env, secrets, controller);
  }

  /** A client on {@code env}'s time, with a rate controller of its own (if the limit adapts). */
  static FormalooClient create(FormalooConfig config, ClientEnvironment env) {
    RateController controller =
        config.rateLimit().isAdaptive() ? new RateController(env.nanoTime, env.sleeper) : null;
    return create(config, env, controller);
  }

  /** A client on {@code env}'s time that spends {@code controller}'s rate. */
  static FormalooClient create(
      FormalooConfig config, ClientEnvironment env, @Nullable RateController controller) {
    return create(
        config, env, config.credentials().resolve().requireFor(config.authFlow()), controller);
  }

  private static FormalooClient create(
      FormalooConfig config,
      ClientEnvironment env,
      Secrets secrets,
      @Nullable RateController controller) {
    Transport transport = new Transport(config);
    RateLimiter ceiling = new RateLimiter(config.rateLimit(), env.nanoTime, env.sleeper);
    RequestExecutor executor =
        new RequestExecutor(
            transport,
            ceiling,
            controller,
            config.retryPolicy(),
            new ClientMetrics(),
            env,
            new ErrorClassifier(config.businessParameter(), config.business(), config.host()));
    return new FormalooClient(
        config,
        transport,
        executor,
        Authenticators.forConfig(config, secrets, executor, env),
        controller);
  }

  /** The config this client was made with. */
  public FormalooConfig config() {
    return config;
  }

  /**
   * How many of this client's requests are waiting out a {@code Retry-After} or a backoff before
   * their retry right now. A caller that keeps requests in flight may send as many others
   * meanwhile: the waiting ones send nothing.
   */
  public int requestsWaitingToRetry() {
    return executor.waitingToRetry();
  }

  // ---- pages of any list ---------------------------------------------------------------------

  /**
   * Fetches page {@code page} (from 1) of a list, at the server's page size.
   *
   * @param filters the endpoint's query filters (see {@link ListEndpoint}); not {@code page}
   * @return the page; past the end of the list (404 "Invalid page."), an empty last page
   */
  public <T> Page<T> listPage(ListEndpoint<T> endpoint, Map<String, String> filters, int page) {
    return listPage(endpoint, filters, page, null);
  }

  /**
   * Fetches page {@code page} (from 1) of a list, asking for {@code pageSize} records a page (null:
   * the server's default). The server may apply another size: trust the answer's {@link
   * Page#getPageSize()}, {@link Page#getCount()} and {@link Page#getPageCount()}.
   *
   * @return the page; past the end of the list (404 "Invalid page."), an empty last page
   */
  public <T> Page<T> listPage(
      ListEndpoint<T> endpoint, Map<String, String> filters, int page, @Nullable Integer pageSize) {
    return pages.page(endpoint, filters, page, pageSize, ModelAnswers.typedPage(endpoint));
  }

  /**
   * As {@link #listPage(ListEndpoint, Map, int, Integer)}, but a record that does not map onto the
   * model does not fail the page: it is an unreadable {@link PageItem} in its place, with its JSON
   * and why. Pages are read as fast as by {@code listPage} while every record maps; only a page
   * with a record that does not is read again from its tree, item by item.
   */
  public <T> Page<PageItem<T>> listPageItems(
      ListEndpoint<T> endpoint, Map<String, String> filters, int page, @Nullable Integer pageSize) {
    return pages.page(endpoint, filters, page, pageSize, ModelAnswers.pageItems(endpoint));
  }

  /** {@link #listPage(ListEndpoint, Map, int, Integer)} with the records as JSON trees. */
  public Page<JsonNode> listPageJson(
      ListEndpoint<?> endpoint, Map<String, String> filters, int page, @Nullable Integer pageSize) {
    return pages.page(endpoint, filters, page, pageSize, ModelAnswers.jsonPage(endpoint));
  }

  /**
   * Fetches the page that an earlier page's {@link Page#getNext()} links to.
   *
   * @throws FormalooException of kind {@link ErrorKind#CONFIGURATION}, without sending anything, if
   *     the link leads to another host: credentials only ever go to the base URL's
   */
  public <T> Page<T> nextPage(ListEndpoint<T> endpoint, String next) {
    return pages.next(endpoint, next);
  }

  // ---- customers -----------------------------------------------------------------------------

  /** {@code GET /customers/}: a page of customers. */
  public Page<Customer> listCustomers(int page) {
    return listPage(ListEndpoint.CUSTOMERS, Map.of(), page);
  }

  /** {@code GET /customers/{code}/}. A missing customer is a {@link ErrorKind#RECORD} error. */
  public Customer getCustomer(String code) {
    return read(customerPath(code), Customer.class);
  }

  /**
   * {@code POST /customers/}: creates a customer, or updates the one with the same email (else
   * phone number): the API upserts, so a retried write does not create a second customer.
   */
  public Customer createCustomer(Customer customer) {
    return write("POST", "/customers/", customer, Customer.class);
  }

  /** {@code PATCH /customers/{code}/}: changes the fields {@code changes} sets. */
  public Customer updateCustomer(String code, Customer changes) {
    return write("PATCH", customerPath(code), changes, Customer.class);
  }

  /** {@code DELETE /customers/{code}/}. */
  public void deleteCustomer(String code) {
    delete(customerPath(code));
  }

  /**
   * {@code GET /customers/{slug}/activities/}: all of one customer's activities (not paginated).
   *
   * @param filters {@code operation} and {@code type} (comma lists), {@code search}
   */
  public List<Activity> customerActivities(String customerSlug, Map<String, String> filters) {
    ApiResponse r =
        calls.send(
            "GET",
            "/customers/" + Urls.segment(customerSlug) + "/activities/",
            filters,
            HttpCall.Purpose.READ,
            null);
    return ModelAnswers.records(r, Activity.class);
  }

  /**
   * {@code POST /customers/batch/}: starts a job that imports {@code customers}; poll it with
   * {@link #getBatchImport(String)} until its status is terminal.
   *
   * <p>Unlike single writes, a retried job creation (after a lost answer) may start a second job;
   * both import the same customers, which upsert, so the outcome is the same.
   */
  public CustomerBatchImport createBatchImport(List<Customer> customers) {
    return write(
        "POST",
        "/customers/batch/",
        CustomerBatchImport.ofCustomers(customers),
        CustomerBatchImport.class);
  }

  /** {@code GET /customers/batch/{slug}/}: a batch import job and its status. */
  public CustomerBatchImport getBatchImport(String slug) {
    return read("/customers/batch/" + Urls.segment(slug) + "/", CustomerBatchImport.class);
  }

  private static String customerPath(String code) {
    return "/customers/" + Urls.segment(code) + "/";
  }

  // ---- activities ----------------------------------------------------------------------------

  /** {@code GET /activities}: a page of the activities {@code query} selects. */
  public Page<Activity> listActivities(ActivityQuery query, int page) {
    return listActivities(query, page, null);
  }

  /** {@code GET /activities}, asking for {@code pageSize} records a page. */
  public Page<Activity> listActivities(ActivityQuery query, int page, @Nullable Integer pageSize) {
    return listPage(ListEndpoint.ACTIVITIES, query.toParameters(), page, pageSize);
  }

  /**
   * {@code POST /activities}: records an activity (creating its customer if given by an email or
   * phone number that is new). A slug that already exists is a {@link ErrorKind#RECORD} error with
   * a {@code slug} field error; for a slug the caller sent itself, that means already written.
   */
  public Activity createActivity(Activity activity) {
    return write("POST", "/activities", activity, Activity.class);
  }

  // ---- writes that report their answer (used by the sinks) -----------------------------------

  /**
   * {@code POST /customers/} as {@link #createCustomer(Customer)}, reporting whether the API
   * created the customer (201) or updated the one with the same email or phone (200), and how many
   * times the request was sent.
   */
  public WriteAnswer<Customer> postCustomer(Customer customer) {
    return answered("/customers/", customer, Customer.class);
  }

  /**
   * {@code POST /activities} as {@link #createActivity(Activity)}, reporting the status and how
   * many times the request was sent.
   */
  public WriteAnswer<Activity> postActivity(Activity activity) {
    return answered("/activities", activity, Activity.class);
  }

  private <T> WriteAnswer<T> answered(String path, Object record, Class<T> type) {
    ApiResponse r =
        sendJson("POST", path, ModelAnswers.requestBody("POST", config.baseUrl() + path, record));
    return new WriteAnswer<>(ModelAnswers.record(r, type), r.status, r.attempts);
  }

  // ---- action types and groups ---------------------------------------------------------------

  /** {@code GET /action-types/}. */
  public Page<ActionType> listActionTypes(int page) {
    return listPage(ListEndpoint.ACTION_TYPES, Map.of(), page);
  }

  /** {@code GET /action-types/{slug}/}. */
  public ActionType getActionType(String slug) {
    return read(actionTypePath(slug), ActionType.class);
  }

  /** {@code POST /action-types/}: a custom action type. */
  public ActionType createActionType(ActionType actionType) {
    return write("POST", "/action-types/", actionType, ActionType.class);
  }

  /** {@code PATCH /action-types/{slug}/}. */
  public ActionType updateActionType(String slug, ActionType changes) {
    return write("PATCH", actionTypePath(slug), changes, ActionType.class);
  }

  /** {@code DELETE /action-types/{slug}/}. */
  public void deleteActionType(String slug) {
    delete(actionTypePath(slug));
  }

  /** {@code GET /action-type-groups/}. */
  public Page<ActionTypeGroup> listActionTypeGroups(int page) {
    return listPage(ListEndpoint.ACTION_TYPE_GROUPS, Map.of(), page);
  }

  private static String actionTypePath(String slug) {
    return "/action-types/" + Urls.segment(slug) + "/";
  }

  // ---- tags, businesses, currencies ----------------------------------------------------------

  /** {@code GET /tags/}. */
  public Page<Tag> listTags(int page) {
    return listPage(ListEndpoint.TAGS, Map.of(), page);
  }

  /** {@code GET /tags/{slug}/}. */
  public Tag getTag(String slug) {
    return read(tagPath(slug), Tag.class);
  }

  /** {@code POST /tags/}. */
  public Tag createTag(Tag tag) {
    return write("POST", "/tags/", tag, Tag.class);
  }

  /** {@code PATCH /tags/{slug}/}. */
  public Tag updateTag(String slug, Tag changes) {
    return write("PATCH", tagPath(slug), changes, Tag.class);
  }

  /** {@code DELETE /tags/{slug}/}. */
  public void deleteTag(String slug) {
    delete(tagPath(slug));
  }

  private static String tagPath(String slug) {
    return "/tags/" + Urls.segment(slug) + "/";
  }

  /** {@code GET /businesses/}: the businesses the credentials reach, to find the slug. */
  public List<Business> listBusinesses() {
    ApiResponse r = calls.send("GET", "/businesses/", Map.of(), HttpCall.Purpose.LIST, null);
    return ModelAnswers.records(r, Business.class);
  }

  /** {@code GET /currencies/}. */
  public Page<Currency> listCurrencies(int page) {
    return listPage(ListEndpoint.CURRENCIES, Map.of(), page);
  }

  // ---- JSON calls, for what the model does not cover -----------------------------------------

  /**
   * {@code GET path} (under the base URL; escape what goes in it) with {@code query}.
   *
   * @return the answer, out of its envelope
   */
  public JsonNode getJson(String path, Map<String, String> query) {
    return calls.send("GET", path, query, HttpCall.Purpose.READ, null).data();
  }

  /** {@code POST path} with a JSON body; the answer out of its envelope. */
  public JsonNode postJson(String path, JsonNode body) {
    return sendJson("POST", path, ClientJson.bytes(body)).data();
  }

  /** {@code PATCH path} with a JSON body; the answer out of its envelope. */
  public JsonNode patchJson(String path, JsonNode body) {
    return sendJson("PATCH", path, ClientJson.bytes(body)).data();
  }

  /** {@code DELETE path}. */
  public void delete(String path) {
    calls.send("DELETE", path, Map.of(), HttpCall.Purpose.WRITE, null);
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private <T> T read(String path, Class<T> type) {
    ApiResponse r = calls.send("GET", path, Map.of(), HttpCall.Purpose.READ, null);
    return ModelAnswers.record(r, type);
  }

  private <T> T write(String method, String path, Object record, Class<T> type) {
    return ModelAnswers.record(
        sendJson(method, path, ModelAnswers.requestBody(method, config.baseUrl() + path, record)),
        type);
  }

  private ApiResponse sendJson(String method, String path, byte[] body) {
    return calls.send(method, path, Map.of(), HttpCall.Purpose.WRITE, body);
  }

  // ---- for tests -----------------------------------------------------------------------------

  /** How many connections this client has opened. */
  long connectionsOpened() {
    return transport.connectionsOpened();
  }

  /** The rate controller this client spends, or null when the limit does not adapt. */
  @Nullable RateController controller() {
    return controller;
  }

  /** The rate controller's current rate; infinite when the limit does not adapt. */
  double currentRate() {
    return controller == null ? Double.POSITIVE_INFINITY : controller.currentRate();
  }

  /** Closes the connections. */
  @Override
  public void close() throws IOException {
    transport.close();
  }
}
