package io.formaloo.beam.pipelines.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.beam.model.expansion.v1.ExpansionApi;
import org.apache.beam.model.expansion.v1.ExpansionServiceGrpc;
import org.apache.beam.model.pipeline.v1.ExternalTransforms;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.model.pipeline.v1.SchemaApi;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.expansion.service.ExpansionServer;
import org.apache.beam.sdk.expansion.service.ExpansionService;
import org.apache.beam.sdk.expansion.service.ExpansionServiceSchemaTransformProvider;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaTranslation;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.construction.BeamUrns;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.apache.beam.sdk.util.construction.SdkComponents;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.vendor.grpc.v1p69p0.com.google.protobuf.ByteString;
import org.apache.beam.vendor.grpc.v1p69p0.io.grpc.ManagedChannel;
import org.apache.beam.vendor.grpc.v1p69p0.io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema transforms through Beam's expansion service, over gRPC on a loopback port: the
 * requests Python's {@code SchemaAwareExternalTransform} and Beam YAML's {@code javaJar} provider
 * send (discovery, then an expansion with a schema-transform payload), and the transform the
 * service builds from such a payload, run on the Direct runner against the emulator.
 */
class ExpansionServiceTest {
  @TempDir static Path folder;

  @RegisterExtension
  static final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(EmulatorConfig.builder().seedCustomers(30));

  private static FormalooEmulator emulator;
  private static EmulatedAccount account;
  private static ExpansionServer server;
  private static ManagedChannel channel;
  private static ExpansionServiceGrpc.ExpansionServiceBlockingStub expansion;

  @BeforeAll
  static void start() throws Exception {
    emulator = formaloo.emulator();
    account = new EmulatedAccount(formaloo, folder);
    server = ExpansionServer.create(new ExpansionService(), "127.0.0.1", 0);
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    expansion = ExpansionServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
    server.close();
  }

  @Test
  void discoveryListsEveryTransformWithItsInputsAndOutputs() {
    Map<String, ExpansionApi.SchemaTransformConfig> configs =
        expansion
            .discoverSchemaTransform(
                ExpansionApi.DiscoverSchemaTransformRequest.getDefaultInstance())
            .getSchemaTransformConfigsMap();
    assertThat(configs, hasKey(ReadCustomersProvider.URN));
    assertThat(configs, hasKey(ReadActivitiesProvider.URN));
    assertThat(configs, hasKey(ReadReferenceListProvider.URN));
    assertThat(configs, hasKey(WriteActivitiesProvider.URN));
    ExpansionApi.SchemaTransformConfig write = configs.get(WriteCustomersProvider.URN);
    assertThat(write.getInputPcollectionNamesList(), hasItems("input"));
    assertThat(write.getOutputPcollectionNamesList(), hasItems("written"));
    Schema configuration = SchemaTranslation.schemaFromProto(write.getConfigSchema());
    assertThat(
        configuration.getFieldNames(), hasItems("business", "error_handling", "credentials_file"));
  }

  @Test
  void aReadExpandsToRowsUnderTheApisNames() throws Exception {
    RunnerApi.PTransform transform =
        schemaTransform(ReadCustomersProvider.URN, readConfiguration());
    ExpansionApi.ExpansionResponse response =
        expansion.expand(
            ExpansionApi.ExpansionRequest.newBuilder()
                .setComponents(PipelineTranslation.toProto(Pipeline.create()).getComponents())
                .setTransform(transform)
                .setNamespace("formaloo_test")
                .build());

    assertThat(response.getError(), is(""));
    String output = response.getTransform().getOutputsMap().get("output");
    RunnerApi.Coder coder =
        response
            .getComponents()
            .getCodersOrThrow(response.getComponents().getPcollectionsOrThrow(output).getCoderId());
    assertThat(coder.getSpec().getUrn(), equalTo("beam:coder:row:v1"));
    Schema schema =
        SchemaTranslation.schemaFromProto(SchemaApi.Schema.parseFrom(coder.getSpec().getPayload()));
    assertThat(schema.getFieldNames(), equalTo(RecordSchemas.api(Customer.class).getFieldNames()));
  }

  @Test
  void aWriteExpandsOnTheCallersRowsToWrittenAndFailedOutputs() throws Exception {
    Schema input =
        Schema.builder()
            .addNullableField("email", Schema.FieldType.STRING)
            .addNullableField("full_name", Schema.FieldType.STRING)
            .build();
    Pipeline caller = Pipeline.create();
    PCollection<Row> rows =
        caller.apply(
            Create.of(Row.withSchema(input).addValues("x@example.com", "X").build())
                .withRowSchema(input));
    SdkComponents components = SdkComponents.create(caller.getOptions());
    String inputId = components.registerPCollection(rows);
    Row configuration =
        Row.withSchema(configurationSchema(WriteCustomersProvider.URN))
            .withFieldValue("base_url", emulator.baseUrl())
            .withFieldValue("business", emulator.business())
            .withFieldValue("credentials_file", account.credentialsFile)
            .withFieldValue(
                "error_handling", Row.withSchema(errorHandlingSchema()).addValue("failed").build())
            .build();
    ExpansionApi.ExpansionResponse response =
        expansion.expand(
            ExpansionApi.ExpansionRequest.newBuilder()
                .setComponents(PipelineTranslation.toProto(caller, components).getComponents())
                .setTransform(
                    schemaTransform(WriteCustomersProvider.URN, configuration).toBuilder()
                        .putInputs("input", inputId))
                .setNamespace("formaloo_test")
                .build());

    assertThat(response.getError(), is(""));
    assertThat(response.getTransform().getOutputsMap(), hasKey("written"));
    assertThat(response.getTransform().getOutputsMap(), hasKey("failed"));
  }

  /**
   * Every Formaloo transform of the YAML examples, with the example's own configuration (and, for a
   * write, rows of the schema its {@code ReadFromJson} gives), expands without an error.
   */
  @Test
  void everyFormalooTransformOfTheYamlExamplesExpands() throws Exception {
    Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/yaml");
    List<Path> files;
    try (Stream<Path> listed = Files.list(examples)) {
      files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files.size(), greaterThan(1));
    int expanded = 0;
    for (Path file : files) {
      YamlExample example = YamlExample.read(file);
      assertThat(
          file + " names the bundled jar",
          example.jar(),
          matchesPattern("pipelines/target/pipelines-.*-bundled\\.jar"));
      for (YamlExample.Step step : example.formalooSteps()) {
        Schema schema = configurationSchema(step.urn());
        Row configuration = YamlExample.row(schema, step.config());
        RunnerApi.PTransform.Builder transform =
            schemaTransform(step.urn(), configuration).toBuilder();
        Pipeline caller = Pipeline.create();
        SdkComponents components = SdkComponents.create(caller.getOptions());
        if (step.inputSchema() != null) {
          Schema input = step.inputSchema();
          PCollection<Row> rows =
              caller.apply(Create.empty(RowCoder.of(input)).withRowSchema(input));
          transform.putInputs("input", components.registerPCollection(rows));
        }
        ExpansionApi.ExpansionResponse response =
            expansion.expand(
                ExpansionApi.ExpansionRequest.newBuilder()
                    .setComponents(PipelineTranslation.toProto(caller, components).getComponents())
                    .setTransform(transform)
                    .setNamespace("formaloo_yaml")
                    .build());
        assertThat(
            file + " " + step.urn() + ": " + response.getError(), response.getError(), is(""));
        expanded++;
      }
    }
    assertThat(expanded, greaterThan(1));
  }

  private static Schema errorHandlingSchema() {
    return configurationSchema(WriteCustomersProvider.URN)
        .getField("error_handling")
        .getType()
        .getRowSchema();
  }

  @Test
  void aWrongConfigurationIsTheExpansionsErrorNamingTheField() throws Exception {
    Row configuration =
        Row.withSchema(configurationSchema(ReadActivitiesProvider.URN))
            .withFieldValue("business", emulator.business())
            .withFieldValue("created_from", "2026-01-01")
            .build();
    ExpansionApi.ExpansionResponse response =
        expansion.expand(
            ExpansionApi.ExpansionRequest.newBuilder()
                .setComponents(PipelineTranslation.toProto(Pipeline.create()).getComponents())
                .setTransform(schemaTransform(ReadActivitiesProvider.URN, configuration))
                .setNamespace("formaloo_test")
                .build());
    assertThat(response.getError(), containsString("created_from and created_to go together"));
  }

  @Test
  void theTransformBuiltFromThePayloadReadsExactlyOnTheDirectRunner() throws Exception {
    RunnerApi.PTransform transform =
        schemaTransform(ReadCustomersProvider.URN, readConfiguration());
    @SuppressWarnings("unchecked")
    PTransform<PCollectionRowTuple, PCollectionRowTuple> expanded =
        ExpansionServiceSchemaTransformProvider.of()
            .getTransform(transform.getSpec(), PipelineOptionsFactory.create());
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> rows = PCollectionRowTuple.empty(p).apply(expanded).get("output");
    PAssert.that(
            rows.apply(MapElements.into(TypeDescriptors.strings()).via(r -> r.getString("code"))))
        .containsInAnyOrder(emulator.customerCodes());
    p.run().waitUntilFinish();
  }

  private static Row readConfiguration() {
    return Row.withSchema(configurationSchema(ReadCustomersProvider.URN))
        .withFieldValue("base_url", emulator.baseUrl())
        .withFieldValue("business", emulator.business())
        .withFieldValue("credentials_file", account.credentialsFile)
        .build();
  }

  private static Schema configurationSchema(String urn) {
    for (SchemaTransformProvider provider : ServiceLoader.load(SchemaTransformProvider.class)) {
      if (provider.identifier().equals(urn)) {
        return provider.configurationSchema();
      }
    }
    throw new AssertionError("no provider " + urn);
  }

  /** The transform a Python or YAML pipeline sends: a schema-transform payload, config and all. */
  private static RunnerApi.PTransform schemaTransform(String urn, Row configuration)
      throws Exception {
    Schema schema = configuration.getSchema();
    ExternalTransforms.SchemaTransformPayload payload =
        ExternalTransforms.SchemaTransformPayload.newBuilder()
            .setIdentifier(urn)
            .setConfigurationSchema(SchemaTranslation.schemaToProto(schema, true))
            .setConfigurationRow(
                ByteString.copyFrom(
                    CoderUtils.encodeToByteArray(RowCoder.of(schema), configuration)))
            .build();
    return RunnerApi.PTransform.newBuilder()
        .setUniqueName(urn)
        .setSpec(
            RunnerApi.FunctionSpec.newBuilder()
                .setUrn(BeamUrns.getUrn(ExternalTransforms.ExpansionMethods.Enum.SCHEMA_TRANSFORM))
                .setPayload(payload.toByteString()))
        .build();
  }
}
