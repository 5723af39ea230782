package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.Route.Access;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Every endpoint of the reference (NOTES.md's table), wired to the store. */
final class ApiEndpoints {
  private final DataStore store;
  private final Paginator paginator;
  private final TokenIssuer tokens;
  private final BatchImporter batches;
  private final ListChurn churn;
  private final String business;
  private final CustomerRejections rejections;

  ApiEndpoints(
      DataStore store,
      Paginator paginator,
      TokenIssuer tokens,
      BatchImporter batches,
      ListChurn churn,
      String business,
      CustomerRejections rejections) {
    this.store = store;
    this.paginator = paginator;
    this.tokens = tokens;
    this.batches = batches;
    this.churn = churn;
    this.business = business;
    this.rejections = rejections;
  }

  /** The routes, literal paths before templated ones so {@code /customers/batch/} wins. */
  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        new Route(
            "POST",
            "/oauth2/authorization-token/",
            Access.TOKEN_REQUEST,
            false,
            (req, p) -> tokens.serviceToken(req)));
    r.add(
        new Route(
            "POST",
            "/oauth/authorize",
            Access.TOKEN_REQUEST,
            false,
            (req, p) -> tokens.oauthToken(req)));
    r.add(
        new Route(
            "POST",
            "/oauth/authorize/",
            Access.TOKEN_REQUEST,
            false,
            (req, p) -> tokens.oauthToken(req)));

    r.add(new Route("GET", "/customers/", Access.KEY_AND_TOKEN, true, this::listCustomers));
    r.add(new Route("POST", "/customers/", Access.KEY_ALONE_ALLOWED, true, this::createCustomer));
    r.add(new Route("POST", "/customers/batch/", Access.KEY_AND_TOKEN, true, this::createBatch));
    r.add(new Route("GET", "/customers/batch/{slug}/", Access.KEY_AND_TOKEN, true, this::getBatch));
    r.add(
        new Route(
            "GET",
            "/customers/{slug}/activities/",
            Access.KEY_AND_TOKEN,
            true,
            this::customerActivities));
    r.add(new Route("GET", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::getCustomer));
    r.add(
        new Route("PATCH", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::patchCustomer));
    r.add(
        new Route(
            "DELETE", "/customers/{code}/", Access.KEY_AND_TOKEN, true, this::deleteCustomer));

    r.add(new Route("GET", "/activities", Access.KEY_AND_TOKEN, true, this::listActivities));
    r.add(new Route("POST", "/activities", Access.KEY_ALONE_ALLOWED, true, this::createActivity));

    r.add(new Route("GET", "/action-types/", Access.KEY_AND_TOKEN, true, this::listActionTypes));
    r.add(new Route("POST", "/action-types/", Access.KEY_AND_TOKEN, true, this::createActionType));
    r.add(
        new Route("GET", "/action-types/{slug}/", Access.KEY_AND_TOKEN, true, this::getActionType));
    r.add(
        new Route(
            "PATCH", "/action-types/{slug}/", Access.KEY_AND_TOKEN, true, this::patchActionType));
    r.add(
        new Route(
            "DELETE", "/action-types/{slug}/", Access.KEY_AND_TOKEN, true, this::deleteActionType));
    r.add(
        new Route(
            "GET", "/action-type-groups/", Access.KEY_AND_TOKEN, true, this::listActionTypeGroups));

    r.add(new Route("GET", "/tags/", Access.KEY_AND_TOKEN, true, this::listTags));
    r.add(new Route("POST", "/tags/", Access.KEY_AND_TOKEN, true, this::createTag));
    r.add(new Route("GET", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::getTag));
    r.add(new Route("PATCH", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::patchTag));
    r.add(new Route("DELETE", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::deleteTag));

    r.add(new Route("GET", "/businesses/", Access.KEY_AND_TOKEN, false, this::listBusinesses));
    r.add(new Route("GET", "/currencies/", Access.KEY_AND_TOKEN, true, this::listCurrencies));
    return r;
  }

  // ---- customers ---------------------------------------------------------------------------

  private ApiResponse listCustomers(ApiRequest req, Map<String, String> p) {
    churn.customers();
    String search = lower(req.param("search"));
    return ApiResponse.ok(
        store.read(
            () -> {
              if (search == null) {
                List<CustomerRecord> all = store.customers;
                int n = all.size();
                return paginator.page(req, "customers", n, i -> Views.customer(all.get(n - 1 - i)));
              }
              List<CustomerRecord> hits = newestFirst(store.customers, c -> matches(c, search));
              return paginator.page(
                  req, "customers", hits.size(), i -> Views.customer(hits.get(i)));
            }));
  }

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
    return store.read(() -> ApiResponse.ok(Views.customer(existingCustomer(p.get("code")))));
  }

  private ApiResponse patchCustomer(ApiRequest req, Map<String, String> p) {
    CustomerInput in = Bodies.customer(req.json(), true);
    rejections.check(in).throwIfAny();
    return store.write(
        () -> {
          CustomerRecord c = existingCustomer(p.get("code"));
          store.apply(c, in);
          return ApiResponse.ok(Views.customer(c));
        });
  }

  private ApiResponse deleteCustomer(ApiRequest req, Map<String, String> p) {
    return store.write(
        () -> {
          store.deleteCustomer(existingCustomer(p.get("code")));
          return ApiResponse.noContent();
        });
  }

  private ApiResponse customerActivities(ApiRequest req, Map<String, String> p) {
    Set<String> operations = operationTypes(req, "operation");
    Set<String> types = commaList(req.param("type"));
    String search = lower(req.param("search"));
    return store.read(
        () -> {
          CustomerRecord c = existingCustomer(p.get("slug"));
          List<ActivityRecord> own = store.activitiesOf(c);
          ArrayNode answer = Json.MAPPER.createArrayNode();
          for (int i = own.size() - 1; i >= 0; i--) {
            ActivityRecord a = own.get(i);
            if ((operations == null || operations.contains(a.operationType))
                && (types == null || types.contains(a.action.slug))
                && (search == null || matches(a, search))) {
              answer.add(Views.activityShort(a));
            }
          }
          return ApiResponse.ok(answer);
        });
  }

  private CustomerRecord existingCustomer(String codeOrSlug) {
    CustomerRecord c = store.customer(codeOrSlug);
    if (c == null) {
      throw ApiException.notFound();
    }
    return c;
  }

  // ---- batch import ------------------------------------------------------------------------

  private ApiResponse createBatch(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    JsonNode rows = body.get("customers_data");
    if (rows != null && rows.isTextual()) {
      // Some clients send the array as a JSON string (multipart forms); accept it when it parses.
      try {
        rows = Json.MAPPER.readTree(rows.asText());
      } catch (java.io.IOException e) {
        throw FieldErrors.single("customers_data", "Value must be valid JSON.");
      }
    }
    String fileType = Bodies.textOf(body, "file_type");
    FieldErrors errors = new FieldErrors();
    if (fileType != null && !fileType.equals("json") && !fileType.equals("excel")) {
      errors.add("file_type", "\"" + fileType + "\" is not a valid choice.");
    }
    if (rows == null || rows.isNull()) {
      if (Bodies.textOf(body, "file") != null) {
        errors.add(
            "file", "The emulator does not fetch files: send the rows as customers_data instead.");
      } else {
        errors.add("customers_data", "Send customers_data (a JSON array of customers) or a file.");
      }
    } else if (!rows.isArray()) {
      errors.add(
          "customers_data",
          "Expected a list of customers but got type \"" + Bodies.typeName(rows) + "\".");
    } else if (rows.isEmpty()) {
      errors.add("customers_data", "This list may not be empty.");
    }
    errors.throwIfAny();
    return ApiResponse.created(Views.batchJob(batches.submit((ArrayNode) rows)));
  }

  private ApiResponse getBatch(ApiRequest req, Map<String, String> p) {
    BatchJob job = batches.job(p.get("slug"));
    if (job == null) {
      throw ApiException.notFound();
    }
    return ApiResponse.ok(Views.batchJob(job));
  }

  // ---- activities --------------------------------------------------------------------------

  private ApiResponse listActivities(ApiRequest req, Map<String, String> p) {
    Predicate<ActivityRecord> filter = activityFilter(req);
    churn.activities();
    return ApiResponse.ok(
        store.read(
            () -> {
              if (filter == null) {
                List<ActivityRecord> all = store.activities;
                int n = all.size();
                return paginator.page(
                    req, "activities", n, i -> Views.activity(all.get(n - 1 - i)));
              }
              List<ActivityRecord> hits = newestFirst(store.activities, filter);
              return paginator.page(
                  req, "activities", hits.size(), i -> Views.activity(hits.get(i)));
            }));
  }

  /** The documented filters, combined; null when the request has none. */
  private Predicate<ActivityRecord> activityFilter(ApiRequest req) {
    FieldErrors errors = new FieldErrors();
    String actionType = req.param("action_type");
    Set<String> operations = operationTypes(req, "operation_type");
    String customer = req.param("customer");
    LocalDate createdAt = date(req, "created_at", errors);
    LocalDate activityDate = date(req, "activity_date", errors);
    String search = lower(req.param("search"));
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
      all.add(a -> matches(a, search));
    }
    return all.stream().reduce(Predicate::and).orElse(null);
  }

  private ApiResponse createActivity(ApiRequest req, Map<String, String> p) {
    ActivityInput in = Bodies.activity(req.json());
    return store.write(() -> ApiResponse.created(Views.activity(store.createActivity(in))));
  }

  // ---- action types and groups -------------------------------------------------------------

  private ApiResponse listActionTypes(ApiRequest req, Map<String, String> p) {
    String search = lower(req.param("search"));
    return store.read(
        () -> {
          List<ActionTypeRecord> hits = new ArrayList<>();
          for (ActionTypeRecord t : store.actionTypes.values()) {
            if (search == null || contains(search, t.title, t.slug, t.description)) {
              hits.add(t);
            }
          }
          return ApiResponse.ok(
              paginator.page(req, "action_types", hits.size(), i -> Views.actionType(hits.get(i))));
        });
  }

  private ApiResponse createActionType(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    String title = Bodies.optionalString(body, "title", errors);
    if (title == null || title.isBlank()) {
      errors.add("title", "This field is required.");
    }
    ActionTypeFields fields = actionTypeFields(body, errors);
    errors.throwIfAny();
    return store.write(
        () -> {
          if (store.actionTypeByTitle(title) != null) {
            throw FieldErrors.single("title", "action type with this title already exists.");
          }
          ActionTypeRecord t =
              new ActionTypeRecord(
                  DataStore.uniqueSlug(DataStore.slugify(title), store.actionTypes),
                  true,
                  store.now());
          t.title = title;
          t.defaultOperationType = "undefined";
          fields.applyTo(t);
          store.actionTypes.put(t.slug, t);
          return ApiResponse.created(Views.actionType(t));
        });
  }

  private ApiResponse getActionType(ApiRequest req, Map<String, String> p) {
    return store.read(() -> ApiResponse.ok(Views.actionType(existingActionType(p.get("slug")))));
  }

  private ApiResponse patchActionType(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    String title = Bodies.optionalString(body, "title", errors);
    ActionTypeFields fields = actionTypeFields(body, errors);
    errors.throwIfAny();
    return store.write(
        () -> {
          ActionTypeRecord t = existingActionType(p.get("slug"));
          if (title != null && !title.isBlank()) {
            t.title = title;
          }
          fields.applyTo(t);
          t.updatedAt = store.now();
          return ApiResponse.ok(Views.actionType(t));
        });
  }

  private ApiResponse deleteActionType(ApiRequest req, Map<String, String> p) {
    return store.write(
        () -> {
          ActionTypeRecord t = existingActionType(p.get("slug"));
          if (!t.owned) {
            throw ApiException.detail(403, "You do not have permission to perform this action.");
          }
          for (ActivityRecord a : store.activities) {
            if (a.action == t) {
              throw FieldErrors.single(
                  FieldErrors.NON_FIELD, "This action type has activities and cannot be deleted.");
            }
          }
          store.actionTypes.remove(t.slug);
          return ApiResponse.noContent();
        });
  }

  private ActionTypeRecord existingActionType(String slug) {
    ActionTypeRecord t = store.actionTypes.get(slug);
    if (t == null) {
      throw ApiException.notFound();
    }
    return t;
  }

  /** The optional, writable fields of an action type, validated. */
  private static final class ActionTypeFields {
    boolean hasDescription;
    String description;
    String defaultOperationType;
    ObjectNode activityTextTemplate;
    Integer actionScore;

    void applyTo(ActionTypeRecord t) {
      if (hasDescription) {
        t.description = description;
      }
      if (defaultOperationType != null) {
        t.defaultOperationType = defaultOperationType;
      }
      if (activityTextTemplate != null) {
        t.activityTextTemplate = activityTextTemplate;
      }
      if (actionScore != null) {
        t.actionScore = actionScore;
      }
    }
  }

  private static ActionTypeFields actionTypeFields(JsonNode body, FieldErrors errors) {
    ActionTypeFields f = new ActionTypeFields();
    if (body.has("description")) {
      f.hasDescription = true;
      f.description = Bodies.optionalString(body, "description", errors);
    }
    f.defaultOperationType = Bodies.optionalString(body, "default_operation_type", errors);
    if (f.defaultOperationType != null
        && !Bodies.OPERATION_TYPES.contains(f.defaultOperationType)) {
      errors.add(
          "default_operation_type", "\"" + f.defaultOperationType + "\" is not a valid choice.");
    }
    JsonNode template = body.get("activity_text_template");
    if (template != null && !template.isNull()) {
      if (template.isObject()) {
        f.activityTextTemplate = (ObjectNode) template;
      } else {
        errors.add(
            "activity_text_template",
            "Expected a dictionary of items but got type \"" + Bodies.typeName(template) + "\".");
      }
    }
    JsonNode score = body.get("action_score");
    if (score != null && !score.isNull()) {
      f.actionScore = Bodies.optionalInteger(score);
      if (f.actionScore == null) {
        errors.add("action_score", "A valid integer is required.");
      }
    }
    return f;
  }

  private ApiResponse listActionTypeGroups(ApiRequest req, Map<String, String> p) {
    return store.read(
        () -> {
          List<ActionTypeGroupRecord> all = new ArrayList<>(store.actionTypeGroups.values());
          return ApiResponse.ok(
              paginator.page(
                  req, "action_type_groups", all.size(), i -> Views.actionTypeGroup(all.get(i))));
        });
  }

  // ---- tags --------------------------------------------------------------------------------

  private ApiResponse listTags(ApiRequest req, Map<String, String> p) {
    String search = lower(req.param("search"));
    return store.read(
        () -> {
          List<TagRecord> hits = new ArrayList<>();
          for (TagRecord t : store.tags.values()) {
            if (search == null || contains(search, t.title, t.slug, t.description)) {
              hits.add(t);
            }
          }
          return ApiResponse.ok(
              paginator.page(req, "tags", hits.size(), i -> Views.tag(hits.get(i))));
        });
  }

  private ApiResponse createTag(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    String title = Bodies.optionalString(body, "title", errors);
    String description = Bodies.optionalString(body, "description", errors);
    if (title == null || title.isBlank()) {
      errors.add("title", "This field is required.");
    }
    errors.throwIfAny();
    return store.write(
        () -> {
          for (TagRecord t : store.tags.values()) {
            if (t.title.equalsIgnoreCase(title)) {
              throw FieldErrors.single("title", "tag with this title already exists.");
            }
          }
          TagRecord tag =
              new TagRecord(
                  DataStore.uniqueSlug(DataStore.slugify(title), store.tags), title, description);
          store.tags.put(tag.slug, tag);
          return ApiResponse.created(Views.tag(tag));
        });
  }

  private ApiResponse getTag(ApiRequest req, Map<String, String> p) {
    return store.read(() -> ApiResponse.ok(Views.tag(existingTag(p.get("slug")))));
  }

  private ApiResponse patchTag(ApiRequest req, Map<String, String> p) {
    JsonNode body = req.json();
    Bodies.expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    String title = Bodies.optionalString(body, "title", errors);
    String description = Bodies.optionalString(body, "description", errors);
    errors.throwIfAny();
    return store.write(
        () -> {
          TagRecord tag = existingTag(p.get("slug"));
          if (title != null && !title.isBlank()) {
            tag.title = title;
          }
          if (body.has("description")) {
            tag.description = description;
          }
          return ApiResponse.ok(Views.tag(tag));
        });
  }

  private ApiResponse deleteTag(ApiRequest req, Map<String, String> p) {
    return store.write(
        () -> {
          TagRecord tag = existingTag(p.get("slug"));
          store.tags.remove(tag.slug);
          for (CustomerRecord c : store.customers) {
            if (c.tags != null && c.tags.contains(tag)) {
              List<TagRecord> kept = new ArrayList<>(c.tags);
              kept.remove(tag);
              c.tags = kept.isEmpty() ? null : kept;
            }
          }
          return ApiResponse.noContent();
        });
  }

  private TagRecord existingTag(String slug) {
    TagRecord tag = store.tags.get(slug);
    if (tag == null) {
      throw ApiException.notFound();
    }
    return tag;
  }

  // ---- businesses and currencies -----------------------------------------------------------

  /**
   * A plain array of the reference's {@code Business} schema ({@code title}, {@code description},
   * {@code slug}). The reference's example answer for this endpoint shows ShortCustomer objects
   * instead, evidently a documentation slip: the endpoint exists to find the business slug.
   */
  private ApiResponse listBusinesses(ApiRequest req, Map<String, String> p) {
    ArrayNode answer = Json.MAPPER.createArrayNode();
    ObjectNode node = answer.addObject();
    node.put("title", business);
    node.put("description", "The business the emulator's API key belongs to.");
    node.put("slug", business);
    return ApiResponse.ok(answer);
  }

  private ApiResponse listCurrencies(ApiRequest req, Map<String, String> p) {
    return store.read(
        () -> {
          List<CurrencyRecord> all = new ArrayList<>(store.currencies.values());
          return ApiResponse.ok(
              paginator.page(req, "currencies", all.size(), i -> Views.currency(all.get(i))));
        });
  }

  // ---- filters -----------------------------------------------------------------------------

  private static <T> List<T> newestFirst(List<T> all, Predicate<T> keep) {
    List<T> hits = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      T item = all.get(i);
      if (keep.test(item)) {
        hits.add(item);
      }
    }
    return hits;
  }

  private static boolean matches(CustomerRecord c, String search) {
    return contains(search, c.fullName, c.email, c.phoneNumber, c.code());
  }

  private static boolean matches(ActivityRecord a, String search) {
    return contains(
        search, a.slug, a.description, a.action.title, a.customer.email, a.customer.fullName);
  }

  private static boolean contains(String needle, String... haystacks) {
    for (String h : haystacks) {
      if (h != null && h.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> operationTypes(ApiRequest req, String param) {
    Set<String> values = commaList(req.param(param));
    if (values != null) {
      for (String v : values) {
        if (!Bodies.OPERATION_TYPES.contains(v)) {
          throw FieldErrors.single(
              param, "Select a valid choice. " + v + " is not one of the available choices.");
        }
      }
    }
    return values;
  }

  private static Set<String> commaList(String raw) {
    if (raw == null) {
      return null;
    }
    Set<String> values = new HashSet<>();
    for (String v : Arrays.asList(raw.split(","))) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return values.isEmpty() ? null : values;
  }

  private static LocalDate date(ApiRequest req, String param, FieldErrors errors) {
    String raw = req.param(param);
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      errors.add(param, "Enter a valid date.");
      return null;
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
