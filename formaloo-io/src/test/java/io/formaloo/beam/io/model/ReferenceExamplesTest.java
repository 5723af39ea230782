package io.formaloo.beam.io.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON example in the API reference reads into the model and writes back as the same JSON.
 *
 * <p>The examples are extracted from the reference itself, so none can be skipped silently: an
 * example with no mapping below fails, a mapping with no example fails, and a JSON block the
 * extraction did not account for fails. The comparison is of JSON trees, exact: the model writes no
 * null fields, and no example has a null outside free-form objects (which are kept as is).
 */
class ReferenceExamplesTest {
  private static final ApiReference REFERENCE = ApiReference.load();
  private static final ObjectMapper TREES = new ObjectMapper();

  /** How one kind of example is read and written. */
  private record Shape(
      ParseFn parse, Function<Object, String> write, Function<Object, String> request) {}

  @FunctionalInterface
  private interface ParseFn {
    Object parse(String json) throws Exception;
  }

  private static Shape record(Class<?> type) {
    return new Shape(
        json -> ModelJson.parse(json, type), ModelJson::toJson, ModelJson::toRequestJson);
  }

  private static Shape page(String listKey, Class<?> type) {
    return new Shape(
        json -> ModelJson.parsePage(json, listKey, type),
        ModelJson::toJson,
        ModelJson::toRequestJson);
  }

  private static Shape list(Class<?> type) {
    return new Shape(
        json -> ModelJson.parseList(json, type), ModelJson::toJson, ModelJson::toRequestJson);
  }

  private static <E> Shape enumeration(Function<String, E> fromJson, Function<E, String> toJson) {
    @SuppressWarnings("unchecked")
    Function<Object, String> write = value -> TextNode.valueOf(toJson.apply((E) value)).toString();
    return new Shape(json -> fromJson.apply(TREES.readTree(json).textValue()), write, write);
  }

  /** Each endpoint example by endpoint and role, to what the reference says it is. */
  private static final Map<String, Shape> ENDPOINT_EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "GET /action-type-groups/ response",
              page("action_type_groups", ActionTypeGroup.class)),
          Map.entry("GET /action-types/ response", page("action_types", ActionType.class)),
          Map.entry("POST /action-types/ body", record(ActionType.class)),
          Map.entry("POST /action-types/ response", record(ActionType.class)),
          Map.entry("GET /action-types/{slug}/ response", record(ActionType.class)),
          Map.entry("PATCH /action-types/{slug}/ body", record(ActionType.class)),
          Map.entry("PATCH /action-types/{slug}/ response", record(ActionType.class)),
          Map.entry("GET /activities response", page("activities", Activity.class)),
          Map.entry("POST /activities body", record(Activity.class)),
          Map.entry("POST /activities response", record(Activity.class)),
          // The reference declares this answer as [ShortCustomer], and its example is one; the
          // Business schema (title, description, slug) is checked with the schema examples.
          Map.entry("GET /businesses/ response", list(ActivityCustomer.class)),
          Map.entry("GET /currencies/ response", page("currencies", Currency.class)),
          Map.entry("GET /customers/ response", page("customers", Customer.class)),
          Map.entry("POST /customers/ body", record(Customer.class)),
          Map.entry("POST /customers/ response", record(Customer.class)),
          Map.entry("GET /customers/{code}/ response", record(Customer.class)),
          Map.entry("PATCH /customers/{code}/ body", record(Customer.class)),
          Map.entry("PATCH /customers/{code}/ response", record(Customer.class)),
          Map.entry("GET /customers/{slug}/activities/ response", list(Activity.class)),
          Map.entry("POST /customers/batch/ body", record(CustomerBatchImport.class)),
          Map.entry("POST /customers/batch/ response", record(CustomerBatchImport.class)),
          Map.entry("GET /customers/batch/{slug}/ response", record(CustomerBatchImport.class)),
          Map.entry("GET /tags/ response", page("tags", Tag.class)),
          Map.entry("POST /tags/ body", record(Tag.class)),
          Map.entry("POST /tags/ response", record(Tag.class)),
          Map.entry("GET /tags/{slug}/ response", record(Tag.class)),
          Map.entry("PATCH /tags/{slug}/ body", record(Tag.class)),
          Map.entry("PATCH /tags/{slug}/ response", record(Tag.class)));

  /** Each schema of the reference's Schemas section, to the model that holds it. */
  private static final Map<String, Shape> SCHEMA_EXAMPLES =
      Map.ofEntries(
          Map.entry("ActionType", record(ActionType.class)),
          Map.entry("PatchedActionType", record(ActionType.class)),
          Map.entry("ActionTypeGroup", record(ActionTypeGroup.class)),
          Map.entry("ActionTypeShort", record(ActivityAction.class)),
          Map.entry("ActivityList", record(Activity.class)),
          Map.entry("ActivityShort", record(Activity.class)),
          Map.entry("AddTag", record(Tag.class)),
          Map.entry("PatchedAddTag", record(Tag.class)),
          Map.entry("Tag", record(Tag.class)),
          Map.entry("PatchedTag", record(Tag.class)),
          Map.entry("Business", record(Business.class)),
          Map.entry("CreateCustomer", record(Customer.class)),
          Map.entry("PatchedCreateCustomer", record(Customer.class)),
          Map.entry("Currency", record(Currency.class)),
          Map.entry("CustomerBatchImportSerializer", record(CustomerBatchImport.class)),
          Map.entry("ShortCustomer", record(ActivityCustomer.class)),
          Map.entry("ShortIntegrationSerializer", record(Integration.class)),
          Map.entry(
              "PaginatedActionTypeGroupList", page("action_type_groups", ActionTypeGroup.class)),
          Map.entry("PaginatedActionTypeList", page("action_types", ActionType.class)),
          Map.entry("PaginatedActivityListList", page("activities", Activity.class)),
          Map.entry("PaginatedCreateCustomerList", page("customers", Customer.class)),
          Map.entry("PaginatedCurrencyList", page("currencies", Currency.class)),
          Map.entry("PaginatedTagList", page("tags", Tag.class)),
          Map.entry(
              "DefaultOperationTypeEnum",
              enumeration(OperationType::fromJson, OperationType::jsonValue)),
          Map.entry(
              "OperationTypeEnum", enumeration(OperationType::fromJson, OperationType::jsonValue)),
          Map.entry(
              "FileTypeEnum",
              enumeration(
                  CustomerBatchImport.FileType::fromJson, CustomerBatchImport.FileType::jsonValue)),
          Map.entry(
              "StatusEnum",
              enumeration(
                  CustomerBatchImport.Status::fromJson, CustomerBatchImport.Status::jsonValue)));

  /**
   * Schemas the model leaves out on purpose: no endpoint of the reference answers with them
   * (integrations appear only inside an action type, as {@code ShortIntegrationSerializer}).
   */
  private static final Set<String> NOT_MODELLED =
      Set.of("PaginatedIntegrationListList", "PatchedIntegration");

  /**
   * Fields the reference marks read-only that requests do carry, as NOTES.md settles: an activity
   * is created with its description, customer and currency and names its action type by slug; a tag
   * sent with a customer may be named by slug.
   */
  private static final Map<String, Set<String>> WRITABLE_DESPITE_REFERENCE =
      Map.of(
          "ActionTypeShort", Set.of("slug"),
          "ActivityList", Set.of("description", "customer"),
          "ActivityShort", Set.of("description", "currency"),
          "Tag", Set.of("slug"),
          "PatchedTag", Set.of("slug"));

  @Test
  void findsEveryExampleTheReferenceHas() {
    List<ApiReference.Example> endpoints = REFERENCE.endpointExamples();

    assertThat(endpoints, hasSize(28));
    assertThat(endpoints.stream().filter(e -> e.marker().equals("Body parameter")).count(), is(8L));
    assertThat(REFERENCE.schemaExamples(), hasSize(29));
    List<Integer> missed = new ArrayList<>();
    REFERENCE
        .blocksOutsideExamples()
        .forEach(
            (line, block) -> {
              if (isJson(block)) {
                missed.add(line);
              }
            });
    assertThat("JSON blocks in no example", missed, is(empty()));
  }

  @Test
  void mapsEveryEndpointExampleAndNothingElse() {
    Set<String> keys = new TreeSet<>();
    for (ApiReference.Example example : REFERENCE.endpointExamples()) {
      keys.add(example.key());
    }
    assertThat(keys, equalTo(new TreeSet<>(ENDPOINT_EXAMPLES.keySet())));
  }

  @Test
  void mapsEverySchemaExampleButTheOnesLeftOutOnPurpose() {
    Set<String> names = new TreeSet<>();
    for (ApiReference.Example example : REFERENCE.schemaExamples()) {
      names.add(example.key());
    }
    Set<String> expected = new TreeSet<>(SCHEMA_EXAMPLES.keySet());
    expected.addAll(NOT_MODELLED);
    assertThat(names, equalTo(expected));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointExampleReadsAndWritesBackTheSameJson() {
    return REFERENCE.endpointExamples().stream()
        .map(e -> DynamicTest.dynamicTest(e.toString(), () -> roundTrip(e, ENDPOINT_EXAMPLES)));
  }

  @TestFactory
  Stream<DynamicTest> everySchemaExampleReadsAndWritesBackTheSameJson() {
    return REFERENCE.schemaExamples().stream()
        .filter(e -> !NOT_MODELLED.contains(e.key()))
        .map(e -> DynamicTest.dynamicTest(e.toString(), () -> roundTrip(e, SCHEMA_EXAMPLES)));
  }

  @TestFactory
  Stream<DynamicTest> everyBodyParameterExampleIsAlsoItsOwnRequestForm() {
    // A documented request body holds only writable fields, so the request form loses nothing.
    return REFERENCE.endpointExamples().stream()
        .filter(e -> e.marker().equals("Body parameter"))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.toString(),
                    () -> {
                      Shape shape = ENDPOINT_EXAMPLES.get(e.key());
                      Object parsed = shape.parse().parse(e.json());
                      assertThat(
                          TREES.readTree(shape.request().apply(parsed)),
                          equalTo(TREES.readTree(e.json())));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> requestFormsLeaveOutExactlyTheReadOnlyFields() {
    return REFERENCE.schemaExamples().stream()
        .filter(e -> REFERENCE.readOnlyFields().containsKey(e.key()))
        .filter(e -> !NOT_MODELLED.contains(e.key()))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.toString(),
                    () -> {
                      Shape shape = SCHEMA_EXAMPLES.get(e.key());
                      JsonNode request =
                          TREES.readTree(shape.request().apply(shape.parse().parse(e.json())));
                      Set<String> expected = fieldNames(TREES.readTree(e.json()));
                      expected.removeAll(REFERENCE.readOnlyFields().get(e.key()));
                      expected.addAll(WRITABLE_DESPITE_REFERENCE.getOrDefault(e.key(), Set.of()));
                      assertThat(fieldNames(request), equalTo(expected));
                    }));
  }

  @Test
  void enumsHaveExactlyTheReferencesValues() {
    Map<String, List<String>> values = REFERENCE.enumValues();

    assertThat(values.get("OperationTypeEnum"), equalTo(jsonValues(OperationType.values())));
    assertThat(values.get("DefaultOperationTypeEnum"), equalTo(jsonValues(OperationType.values())));
    assertThat(
        values.get("FileTypeEnum"), equalTo(jsonValues(CustomerBatchImport.FileType.values())));
    assertThat(values.get("StatusEnum"), equalTo(jsonValues(CustomerBatchImport.Status.values())));
    assertThat(
        values.keySet(),
        contains("DefaultOperationTypeEnum", "FileTypeEnum", "OperationTypeEnum", "StatusEnum"));
  }

  private static void roundTrip(ApiReference.Example example, Map<String, Shape> shapes)
      throws Exception {
    Shape shape = shapes.get(example.key());
    if (shape == null) {
      fail("No model mapped for the reference's example " + example);
    }
    Object parsed = shape.parse().parse(example.json());
    String written = shape.write().apply(parsed);
    assertThat(TREES.readTree(written), equalTo(TREES.readTree(example.json())));
    // And what was written reads back to the same record.
    assertThat(shape.parse().parse(written), equalTo(parsed));
  }

  private static boolean isJson(String text) {
    try {
      TREES.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    ((ObjectNode) node).fieldNames().forEachRemaining(names::add);
    return new HashSet<>(names);
  }

  private static List<String> jsonValues(Object[] constants) {
    List<String> values = new ArrayList<>();
    for (Object constant : constants) {
      if (constant instanceof OperationType t) {
        values.add(t.jsonValue());
      } else if (constant instanceof CustomerBatchImport.FileType t) {
        values.add(t.jsonValue());
      } else if (constant instanceof CustomerBatchImport.Status t) {
        values.add(t.jsonValue());
      }
    }
    return values;
  }
}
