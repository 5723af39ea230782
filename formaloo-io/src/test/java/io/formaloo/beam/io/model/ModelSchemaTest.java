package io.formaloo.beam.io.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.schemas.logicaltypes.EnumerationType;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelSchemaTest {
  private final SchemaRegistry registry = SchemaRegistry.createDefault();

  static Stream<Class<?>> modelClasses() {
    return ModelJson.modelClasses().stream();
  }

  static Stream<Object> samples() {
    List<Object> all = new ArrayList<>(Samples.full());
    all.addAll(Samples.minimal());
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("modelClasses")
  void everyModelClassHasASchemaWithOneFieldPerAbstractGetter(Class<?> type)
      throws NoSuchSchemaException {
    Schema schema = registry.getSchema(type);

    long getters =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getName().startsWith("get"))
            .count();
    assertThat(schema.getFieldCount(), is((int) getters));
  }

  @Test
  void customerFieldsFollowTheApiOrderWithBeamTypes() throws NoSuchSchemaException {
    Schema schema = registry.getSchema(Customer.class);

    assertThat(
        schema.getFieldNames(),
        contains(
            "code",
            "customerDataJson",
            "fullName",
            "email",
            "phoneNumber",
            "tags",
            "score",
            "createdAt",
            "updatedAt"));
    assertThat(
        schema.getField("customerDataJson").getType(), is(FieldType.STRING.withNullable(true)));
    assertThat(schema.getField("score").getType(), is(FieldType.INT32.withNullable(true)));
    assertThat(schema.getField("createdAt").getType(), is(FieldType.DATETIME.withNullable(true)));
    FieldType tags = schema.getField("tags").getType();
    assertThat(tags.getTypeName(), is(TypeName.ARRAY));
    assertThat(tags.getNullable(), is(true));
    assertThat(
        tags.getCollectionElementType().getRowSchema(), equalTo(registry.getSchema(Tag.class)));
  }

  @Test
  void helperAccessorsAreNotSchemaFields() throws NoSuchSchemaException {
    assertThat(registry.getSchema(Customer.class).getFieldNames(), not(hasItem("customerData")));
    assertThat(
        registry.getSchema(Activity.class).getFieldNames(), not(hasItem("monetaryValueDecimal")));
    assertThat(
        registry.getSchema(CustomerBatchImport.class).getFieldNames(),
        not(hasItem("importResults")));
  }

  @Test
  void activityNestsItsPartsAsRowsAndRequiresOnlyItsAction() throws NoSuchSchemaException {
    Schema schema = registry.getSchema(Activity.class);

    assertThat(
        schema.getField("action").getType(),
        is(FieldType.row(registry.getSchema(ActivityAction.class))));
    assertThat(
        schema.getField("customer").getType(),
        is(FieldType.row(registry.getSchema(ActivityCustomer.class)).withNullable(true)));
    assertThat(
        schema.getField("currency").getType(),
        is(FieldType.row(registry.getSchema(Currency.class)).withNullable(true)));
    assertThat(schema.getField("monetaryValue").getType(), is(FieldType.STRING.withNullable(true)));
    List<String> required = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!field.getType().getNullable()) {
        required.add(field.getName());
      }
    }
    assertThat(required, contains("action"));
  }

  @Test
  void enumsAreEnumerationTypesWithTheirConstants() throws NoSuchSchemaException {
    FieldType operationType =
        registry.getSchema(Activity.class).getField("operationType").getType();
    assertThat(operationType.getLogicalType(), instanceOf(EnumerationType.class));
    assertThat(
        ((EnumerationType) operationType.getLogicalType()).getValues(),
        containsInAnyOrder("CREATE", "READ", "UPDATE", "DELETE", "UNDEFINED"));

    FieldType status = registry.getSchema(CustomerBatchImport.class).getField("status").getType();
    assertThat(
        ((EnumerationType) status.getLogicalType()).getValues(),
        containsInAnyOrder("NEW", "QUEUED", "IN_PROGRESS", "IMPORTED", "FAILED", "CANCELED"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void convertsToARowAndBack(Object sample) throws NoSuchSchemaException {
    Row row = toRow(sample);

    assertThat(row.getSchema(), equalTo(registry.getSchema(sample.getClass())));
    assertThat(fromRow(row, sample.getClass()), equalTo(sample));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void schemaCoderRoundTrips(Object sample) throws Exception {
    Coder<Object> coder = coder(sample.getClass());

    byte[] encoded = CoderUtils.encodeToByteArray(coder, sample);

    assertThat(CoderUtils.decodeFromByteArray(coder, encoded), equalTo(sample));
  }

  @Test
  void rowOfACustomerCarriesTheApiValues() throws NoSuchSchemaException {
    Row row = toRow(Samples.customer());

    assertThat(row.getString("email"), is("ada@example.com"));
    assertThat(row.getDateTime("createdAt").getMillis(), is(Samples.CREATED.getMillis()));
    assertThat(row.getArray("tags").size(), is(2));
    assertThat(row.getString("customerDataJson"), is(Samples.customer().getCustomerDataJson()));
  }

  @Test
  void everyModelClassIsCovered() {
    List<Class<?>> sampled = new ArrayList<>();
    for (Object sample : Samples.full()) {
      sampled.add(sample.getClass().getSuperclass());
    }
    assertThat(sampled, containsInAnyOrder(ModelJson.modelClasses().toArray()));
  }

  @Test
  void getterNamesAllHaveTheGetPrefixBeamNeeds() {
    // AutoValueSchema only sees getX()/isX() methods; a getter without the prefix would
    // silently be left out of the schema.
    for (Class<?> type : ModelJson.modelClasses()) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && !m.getName().equals("toBuilder")) {
          assertThat(type + "." + m.getName(), m.getName().startsWith("get"), is(true));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Row toRow(T value) throws NoSuchSchemaException {
    Class<T> type = (Class<T>) value.getClass().getSuperclass();
    return registry.getToRowFunction(type).apply(value);
  }

  @SuppressWarnings("unchecked")
  private <T> T fromRow(Row row, Class<?> generated) throws NoSuchSchemaException {
    Class<T> type = (Class<T>) generated.getSuperclass();
    return registry.getFromRowFunction(type).apply(row);
  }

  @SuppressWarnings("unchecked")
  private Coder<Object> coder(Class<?> generated) throws NoSuchSchemaException {
    Class<Object> type = (Class<Object>) generated.getSuperclass();
    SchemaCoder<Object> coder = registry.getSchemaCoder(type);
    return coder;
  }
}
