package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formaloo.beam.emulator.Route.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The small lists beside customers and activities: {@code /tags/} (which a client may write),
 * {@code /currencies/} and {@code /businesses/} (which it only reads).
 */
final class ReferenceListEndpoints {
  private final DataStore store;
  private final ListPages pages;
  private final String business;

  ReferenceListEndpoints(DataStore store, ListPages pages, String business) {
    this.store = store;
    this.pages = pages;
    this.business = business;
  }

  void addRoutes(List<Route> r) {
    r.add(new Route("GET", "/tags/", Access.KEY_AND_TOKEN, true, this::listTags));
    r.add(new Route("POST", "/tags/", Access.KEY_AND_TOKEN, true, this::createTag));
    r.add(new Route("GET", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::getTag));
    r.add(new Route("PATCH", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::patchTag));
    r.add(new Route("DELETE", "/tags/{slug}/", Access.KEY_AND_TOKEN, true, this::deleteTag));

    r.add(new Route("GET", "/businesses/", Access.KEY_AND_TOKEN, false, this::listBusinesses));
    r.add(new Route("GET", "/currencies/", Access.KEY_AND_TOKEN, true, this::listCurrencies));
  }

  private ApiResponse listTags(ApiRequest req, Map<String, String> p) {
    String search = QueryFilters.search(req);
    Predicate<TagRecord> filter =
        search == null ? null : t -> QueryFilters.contains(search, t.title, t.slug, t.description);
    return pages.answer(
        req, "tags", () -> QueryFilters.kept(store.tags.values(), filter), Views::tag);
  }

  private ApiResponse createTag(ApiRequest req, Map<String, String> p) {
    TagFields fields = TagFields.of(req.json(), true);
    return store.write(
        () -> {
          for (TagRecord t : store.tags.values()) {
            if (t.title.equalsIgnoreCase(fields.title)) {
              throw FieldErrors.single("title", "tag with this title already exists.");
            }
          }
          TagRecord tag =
              new TagRecord(
                  DataStore.uniqueSlug(DataStore.slugify(fields.title), store.tags),
                  fields.title,
                  fields.description);
          store.tags.put(tag.slug, tag);
          return ApiResponse.created(Views.tag(tag));
        });
  }

  private ApiResponse getTag(ApiRequest req, Map<String, String> p) {
    return store.read(() -> ApiResponse.ok(Views.tag(existingTag(p.get("slug")))));
  }

  private ApiResponse patchTag(ApiRequest req, Map<String, String> p) {
    TagFields fields = TagFields.of(req.json(), false);
    return store.write(
        () -> {
          TagRecord tag = existingTag(p.get("slug"));
          if (fields.title != null && !fields.title.isBlank()) {
            tag.title = fields.title;
          }
          if (fields.hasDescription) {
            tag.description = fields.description;
          }
          return ApiResponse.ok(Views.tag(tag));
        });
  }

  /** A deleted tag also leaves every customer that had it: no customer names a missing tag. */
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
    return ApiException.notFoundIfNull(store.tags.get(slug));
  }

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
    return pages.answer(
        req,
        "currencies",
        () -> QueryFilters.kept(store.currencies.values(), null),
        Views::currency);
  }

  /** The writable fields of a tag, validated before the store is locked. */
  private static final class TagFields {
    String title;
    boolean hasDescription;
    String description;

    /** The fields of a body, or a 400 naming every bad one; a create needs the title. */
    static TagFields of(JsonNode body, boolean titleRequired) {
      Bodies.expectObject(body).throwIfAny();
      FieldErrors errors = new FieldErrors();
      TagFields f = new TagFields();
      f.title = Bodies.optionalString(body, "title", errors);
      f.description = Bodies.optionalString(body, "description", errors);
      f.hasDescription = body.has("description");
      if (titleRequired && (f.title == null || f.title.isBlank())) {
        errors.add("title", "This field is required.");
      }
      errors.throwIfAny();
      return f;
    }
  }
}
