package io.formaloo.beam.emulator;

import io.formaloo.beam.emulator.Route.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * Every endpoint of the reference (NOTES.md's table), wired to the store: the route table, built
 * from one class per resource group.
 */
final class ApiEndpoints {
  private final TokenIssuer tokens;
  private final BatchImportEndpoints batches;
  private final CustomerEndpoints customers;
  private final ActivityEndpoints activities;
  private final ActionTypeEndpoints actionTypes;
  private final ReferenceListEndpoints referenceLists;

  ApiEndpoints(
      DataStore store,
      Paginator paginator,
      TokenIssuer tokens,
      BatchImporter batches,
      ListChurn churn,
      String business,
      CustomerRejections rejections) {
    this.tokens = tokens;
    ListPages pages = new ListPages(store, paginator);
    this.batches = new BatchImportEndpoints(batches);
    this.customers = new CustomerEndpoints(store, pages, churn, rejections);
    this.activities = new ActivityEndpoints(store, pages, churn);
    this.actionTypes = new ActionTypeEndpoints(store, pages);
    this.referenceLists = new ReferenceListEndpoints(store, pages, business);
  }

  /**
   * The routes. The server takes the first that fits, so literal paths come before templated ones
   * that also fit them: the batch routes before {@code /customers/{code}/} and {@code
   * /customers/{slug}/activities/}, so that {@code /customers/batch/} wins.
   */
  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    addTokenRoutes(r);
    batches.addRoutes(r);
    customers.addRoutes(r);
    activities.addRoutes(r);
    actionTypes.addRoutes(r);
    referenceLists.addRoutes(r);
    return r;
  }

  /** The token requests, with and without the trailing slash, as clients send both. */
  private void addTokenRoutes(List<Route> r) {
    r.add(
        new Route(
            "POST",
            "/oauth2/authorization-token/",
            Access.TOKEN_REQUEST,
            false,
            (req, p) -> tokens.serviceToken(req)));
    for (String path : new String[] {"/oauth/authorize", "/oauth/authorize/"}) {
      r.add(
          new Route("POST", path, Access.TOKEN_REQUEST, false, (req, p) -> tokens.oauthToken(req)));
    }
  }
}
