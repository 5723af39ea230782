package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.Route.Access;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code /customers/}: list, upsert, read, patch and delete one customer. */
final class CustomerEndpoints {
  private final DataStore store;
  private final ListPages pages;
  private final ListChurn churn;
  private final CustomerRejections rejections;

  CustomerEndpoints(
      DataStore store, ListPages pages, ListChurn churn, CustomerRejections rejections) {
    this.store = store;
    this.pages = pages;
    this.churn = churn;
    this.rejections = rejections;
  }

  void addRoutes(List<Route> r) {
    r.add(new Route("GET", "/customers/", Access.KEY_AND_TOKEN, true, this::listCustomers));
    r.add(new Route("POST", "/customers/", Access.KEY_ALONE_ALLOWED, true, this::createCustomer));
    r.add(new Route("GET", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::getCustomer));
    r.add(
        new Route("PATCH", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::patchCustomer));
    r.add(
        new Route(
            "DELETE", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::deleteCustomer));
  }

  private ApiResponse listCustomers(ApiRequest req, Map<String, String> p) {
    churn.customers();
    String search = QueryFilters.search(req);
    Predicate<CustomerRecord> filter = search == null ? null : c -> QueryFilters.matches(c, search);
    return pages.answer(
        req, "customers", () -> QueryFilters.newestFirst(store.customers, filter), Views::customer);
  }

  /** An upsert by e-mail or phone: 201 when it created the customer, 200 when it updated one. */
  private ApiResponse createCustomer(ApiRequest req, Map<String, String> p) {
    CustomerInput in = Bodies.customer(req.json(), false);
    rejections.check(in).throwIfAny();
    return store.write(
        () -> {
          DataStore.Upsert upsert = store.upsertCustomer(in);
          ObjectNode body = Views.customer(upsert.customer);
          return upsert.created ? ApiResponse.created(body) : ApiResponse.ok(body);
        });
  }

  private ApiResponse getCustomer(ApiRequest req, Map<String, String> p) {
    return store.read(() -> ApiResponse.ok(Views.customer(existing(p.get("code")))));
  }

  private ApiResponse patchCustomer(ApiRequest req, Map<String, String> p) {
    CustomerInput in = Bodies.customer(req.json(), true);
    rejections.check(in).throwIfAny();
    return store.write(
        () -> {
          CustomerRecord c = existing(p.get("code"));
          store.apply(c, in);
          return ApiResponse.ok(Views.customer(c));
        });
  }

  private ApiResponse deleteCustomer(ApiRequest req, Map<String, String> p) {
    return store.write(
        () -> {
          store.deleteCustomer(existing(p.get("code")));
          return ApiResponse.noContent();
        });
  }

  private CustomerRecord existing(String codeOrSlug) {
    return ApiException.notFoundIfNull(store.customer(codeOrSlug));
  }
}
