package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.formaloo.beam.emulator.Route.Access;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /activities}: the filtered list and the write; and the activities of one customer. */
final class ActivityEndpoints {
  private final DataStore store;
  private final ListPages pages;
  private final ListChurn churn;

  ActivityEndpoints(DataStore store, ListPages pages, ListChurn churn) {
    this.store = store;
    this.pages = pages;
    this.churn = churn;
  }

  void addRoutes(List<Route> r) {
    r.add(
        new Route(
            "GET",
            "/customers/{slug}/activities/",
            Access.KEY_AND_TOKEN,
            true,
            this::customerActivities));
    r.add(new Route("GET", "/activities", Access.KEY_AND_TOKEN, true, this::listActivities));
    r.add(new Route("POST", "/activities", Access.KEY_ALONE_ALLOWED, true, this::createActivity));
  }

  private ApiResponse listActivities(ApiRequest req, Map<String, String> p) {
    Predicate<ActivityRecord> filter = activityFilter(req);
    churn.activities();
    return pages.answer(
        req,
        "activities",
        () -> QueryFilters.newestFirst(store.activities, filter),
        Views::activity);
  }

  /** The documented filters, combined; null when the request has none. */
  private static Predicate<ActivityRecord> activityFilter(ApiRequest req) {
    FieldErrors errors = new FieldErrors();
    String actionType = req.param("action_type");
    Set<String> operations = QueryFilters.operationTypes(req, "operation_type");
    String customer = req.param("customer");
    LocalDate createdAt = QueryFilters.date(req, "created_at", errors);
    LocalDate activityDate = QueryFilters.date(req, "activity_date", errors);
    String search = QueryFilters.search(req);
    errors.throwIfAny();
    List<Predicate<ActivityRecord>> all = new ArrayList<>();
    if (actionType != null) {
      all.add(a -> a.action.slug.equals(actionType));
    }
    if (operations != null) {
      all.add(a -> operations.contains(a.operationType));
    }
    if (customer != null) {
      all.add(
          a ->
              customer.equals(a.customer.code())
                  || customer.equals(a.customer.slug())
                  || customer.equalsIgnoreCase(a.customer.email)
                  || customer.equals(a.customer.phoneNumber));
    }
    if (createdAt != null) {
      all.add(a -> createdAt.equals(a.createdAt.atZone(ZoneOffset.UTC).toLocalDate()));
    }
    if (activityDate != null) {
      all.add(a -> activityDate.equals(a.activityDate.atZone(ZoneOffset.UTC).toLocalDate()));
    }
    if (search != null) {
      all.add(a -> QueryFilters.matches(a, search));
    }
    return all.stream().reduce(Predicate::and).orElse(null);
  }

  private ApiResponse createActivity(ApiRequest req, Map<String, String> p) {
    ActivityInput in = Bodies.activity(req.json());
    return store.write(() -> ApiResponse.created(Views.activity(store.createActivity(in))));
  }

  /**
   * One customer's activities as the reference answers them: a plain array of short activities,
   * newest first, not paginated, with its own parameter names ({@code operation}, {@code type}).
   */
  private ApiResponse customerActivities(ApiRequest req, Map<String, String> p) {
    Set<String> operations = QueryFilters.operationTypes(req, "operation");
    Set<String> types = QueryFilters.commaList(req.param("type"));
    String search = QueryFilters.search(req);
    return store.read(
        () -> {
          CustomerRecord c = ApiException.notFoundIfNull(store.customer(p.get("slug")));
          ArrayNode answer = Json.MAPPER.createArrayNode();
          for (ActivityRecord a : QueryFilters.newestFirst(store.activitiesOf(c), null)) {
            if ((operations == null || operations.contains(a.operationType))
                && (types == null || types.contains(a.action.slug))
                && (search == null || QueryFilters.matches(a, search))) {
              answer.add(Views.activityShort(a));
            }
          }
          return ApiResponse.ok(answer);
        });
  }
}
