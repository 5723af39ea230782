package io.formaloo.beam.pipelines.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.providers.ErrorHandling;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Each provider refuses a wrong configuration when it expands, naming the field. */
class SchemaTransformConfigurationTest {
  private static ReadConfiguration.Builder read() {
    return ReadConfiguration.builder().setBaseUrl("http://127.0.0.1:9/v1.0").setBusiness("acme");
  }

  private static WriteConfiguration.Builder write() {
    return WriteConfiguration.builder().setBaseUrl("http://127.0.0.1:9/v1.0").setBusiness("acme");
  }

  private static String refusal(Runnable expansion) {
    return assertThrows(InvalidConfigurationException.class, expansion::run).getMessage();
  }

  @Test
  void everyProviderIsRegisteredUnderItsUrn() {
    List<String> urns = new ArrayList<>();
    ServiceLoader.load(SchemaTransformProvider.class).forEach(p -> urns.add(p.identifier()));
    assertThat(
        urns,
        hasItems(
            "beam:schematransform:org.formaloo:read_customers:v1",
            "beam:schematransform:org.formaloo:read_activities:v1",
            "beam:schematransform:org.formaloo:read_reference_list:v1",
            "beam:schematransform:org.formaloo:write_customers:v1",
            "beam:schematransform:org.formaloo:write_activities:v1"));
  }

  @Test
  void configurationFieldsAreSnakeCase() {
    Schema schema = new ReadActivitiesProvider().configurationSchema();
    assertThat(
        schema.getFieldNames(),
        hasItems("base_url", "business", "api_key_variable", "created_from", "credentials_file"));
  }

  @Test
  void aMissingBusinessIsNamed() {
    String message =
        refusal(() -> new ReadCustomersProvider().from(read().setBusiness(null).build()));
    assertThat(message, containsString("business is required"));
  }

  @Test
  void twoSourcesOfCredentialsAreRefused() {
    String message =
        refusal(
            () ->
                new ReadCustomersProvider()
                    .from(read().setCredentialsFile("/x").setApiKeyVariable("KEY").build()));
    assertThat(message, containsString("credentials_file and api_key_variable"));
  }

  @Test
  void aBaseUrlThatIsNoUrlIsNamed() {
    String message =
        refusal(() -> new ReadCustomersProvider().from(read().setBaseUrl("api.formaloo").build()));
    assertThat(message, containsString("base_url must be an http(s) URL"));
  }

  @Test
  void aDayWindowNeedsBothDaysInOrder() {
    assertThat(
        refusal(
            () -> new ReadActivitiesProvider().from(read().setCreatedFrom("2026-01-01").build())),
        containsString("created_from and created_to go together"));
    assertThat(
        refusal(
            () ->
                new ReadActivitiesProvider()
                    .from(read().setCreatedFrom("2026-02-01").setCreatedTo("2026-01-01").build())),
        containsString("must not be after created_to"));
    assertThat(
        refusal(
            () ->
                new ReadActivitiesProvider()
                    .from(read().setCreatedFrom("1 Jan").setCreatedTo("2026-01-01").build())),
        containsString("created_from must be a day as yyyy-MM-dd"));
  }

  @Test
  void fieldsOfOtherReadsAreRefused() {
    assertThat(
        refusal(
            () ->
                new ReadCustomersProvider()
                    .from(read().setCreatedFrom("2026-01-01").setCreatedTo("2026-01-02").build())),
        containsString("apply to read_activities only"));
    assertThat(
        refusal(() -> new ReadActivitiesProvider().from(read().setList("tags").build())),
        containsString("list applies to read_reference_list only"));
  }

  @Test
  void theReferenceListMustBeNamedAndKnown() {
    assertThat(
        refusal(() -> new ReadReferenceListProvider().from(read().build())),
        containsString("list is required"));
    assertThat(
        refusal(() -> new ReadReferenceListProvider().from(read().setList("colours").build())),
        containsString("unknown list \"colours\""));
  }

  @Test
  void bulkImportAppliesToCustomersOnly() {
    assertThat(
        refusal(() -> new WriteActivitiesProvider().from(write().setBulkImportAbove(10).build())),
        containsString("bulk_import_above applies to write_customers only"));
    assertThat(
        refusal(() -> new WriteCustomersProvider().from(write().setBulkImportAbove(-1).build())),
        containsString("bulk_import_above must not be negative"));
  }

  @Test
  void aCeilingMustBePositive() {
    assertThat(
        refusal(
            () -> new WriteCustomersProvider().from(write().setMaxRequestsPerSecond(0.0).build())),
        containsString("max_requests_per_second must be positive"));
  }

  @Test
  void theErrorOutputMustNotTakeTheWrittenOutputsName() {
    assertThat(
        refusal(
            () ->
                new WriteCustomersProvider()
                    .from(
                        write()
                            .setErrorHandling(ErrorHandling.builder().setOutput("written").build())
                            .build())),
        containsString("that output is taken"));
  }

  @Test
  void anInputFieldThatIsNoFieldOfTheEntityIsNamed() {
    Schema schema = Schema.builder().addStringField("email").addStringField("nickname").build();
    assertThat(
        refusal(() -> expandWrite(schema, Row.withSchema(schema).addValues("a@b.c", "x").build())),
        containsString("input field \"nickname\" is not a field of a customer"));
  }

  @Test
  void anInputFieldOfAnotherTypeIsNamedWithBothTypes() {
    Schema schema = Schema.builder().addStringField("email").addStringField("score").build();
    String message =
        refusal(() -> expandWrite(schema, Row.withSchema(schema).addValues("a@b.c", "10").build()));
    assertThat(message, containsString("input field \"score\" is STRING"));
    assertThat(message, containsString("INT32"));
  }

  private static void expandWrite(Schema schema, Row row) {
    Pipeline p = Pipeline.create();
    PCollectionRowTuple.of("input", p.apply(Create.of(row).withRowSchema(schema)))
        .apply(new WriteCustomersProvider().from(write().build()));
  }
}
