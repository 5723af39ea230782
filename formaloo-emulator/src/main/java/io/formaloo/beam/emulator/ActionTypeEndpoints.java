package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.Route.Access;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code /action-types/} and {@code /action-type-groups/}: the kinds of activity, which a client
 * creates before it writes activities of a new kind.
 */
final class ActionTypeEndpoints {
  private final DataStore store;
  private final ListPages pages;

  ActionTypeEndpoints(DataStore store, ListPages pages) {
    this.store = store;
    this.pages = pages;
  }

  void addRoutes(List<Route> r) {
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
  }

  private ApiResponse listActionTypes(ApiRequest req, Map<String, String> p) {
    String search = QueryFilters.search(req);
    Predicate<ActionTypeRecord> filter =
        search == null ? null : t -> QueryFilters.contains(search, t.title, t.slug, t.description);
    return pages.answer(
        req,
        "action_types",
        () -> QueryFilters.kept(store.actionTypes.values(), filter),
        Views::actionType);
  }

  private ApiResponse createActionType(ApiRequest req, Map<String, String> p) {
    ActionTypeFields fields = ActionTypeFields.of(req.json(), true);
    return store.write(
        () -> {
          if (store.actionTypeByTitle(fields.title) != null) {
            throw FieldErrors.single("title", "action type with this title already exists.");
          }
          ActionTypeRecord t =
              new ActionTypeRecord(
                  DataStore.uniqueSlug(DataStore.slugify(fields.title), store.actionTypes),
                  true,
                  store.now());
          t.defaultOperationType = "undefined";
          fields.applyTo(t);
          store.actionTypes.put(t.slug, t);
          return ApiResponse.created(Views.actionType(t));
        });
  }

  private ApiResponse getActionType(ApiRequest req, Map<String, String> p) {
    return store.read(() -> ApiResponse.ok(Views.actionType(existing(p.get("slug")))));
  }

  private ApiResponse patchActionType(ApiRequest req, Map<String, String> p) {
    ActionTypeFields fields = ActionTypeFields.of(req.json(), false);
    return store.write(
        () -> {
          ActionTypeRecord t = existing(p.get("slug"));
          fields.applyTo(t);
          t.updatedAt = store.now();
          return ApiResponse.ok(Views.actionType(t));
        });
  }

  /** Only the business's own action types go, and only while no activity is of that type. */
  private ApiResponse deleteActionType(ApiRequest req, Map<String, String> p) {
    return store.write(
        () -> {
          ActionTypeRecord t = existing(p.get("slug"));
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

  private ActionTypeRecord existing(String slug) {
    return ApiException.notFoundIfNull(store.actionTypes.get(slug));
  }

  private ApiResponse listActionTypeGroups(ApiRequest req, Map<String, String> p) {
    return pages.answer(
        req,
        "action_type_groups",
        () -> QueryFilters.kept(store.actionTypeGroups.values(), null),
        Views::actionTypeGroup);
  }

  /**
   * The writable fields of an action type, validated before the store is locked so that a bad body
   * reports every bad field at once and changes nothing.
   */
  private static final class ActionTypeFields {
    String title;
    boolean hasDescription;
    String description;
    String defaultOperationType;
    ObjectNode activityTextTemplate;
    Integer actionScore;

    /** The fields of a body, or a 400 naming every bad one; a create needs the title. */
    static ActionTypeFields of(JsonNode body, boolean titleRequired) {
      Bodies.expectObject(body).throwIfAny();
      FieldErrors errors = new FieldErrors();
      ActionTypeFields f = new ActionTypeFields();
      f.title = Bodies.optionalString(body, "title", errors);
      if (titleRequired && (f.title == null || f.title.isBlank())) {
        errors.add("title", "This field is required.");
      }
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
      errors.throwIfAny();
      return f;
    }

    void applyTo(ActionTypeRecord t) {
      if (title != null && !title.isBlank()) {
        t.title = title;
      }
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
}
