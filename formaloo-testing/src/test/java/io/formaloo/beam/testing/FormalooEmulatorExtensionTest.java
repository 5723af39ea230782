package io.formaloo.beam.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Customer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FormalooEmulatorExtensionTest {
  @RegisterExtension
  static final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder().seedCustomers(25).defaultPageSize(7).maxPageSize(7));

  @Test
  void aPipelineReadsTheSeededCustomersThroughTheConfigItIsHanded() {
    Pipeline pipeline = TestPipelines.direct();
    CollectedOutput<Customer> customers =
        CollectedOutput.of(
            pipeline.apply(FormalooIO.readCustomers().withConfig(formaloo.config())));
    pipeline.run().waitUntilFinish();

    List<String> codes =
        customers.elements().stream().map(Customer::getCode).collect(Collectors.toList());
    assertThat(codes, containsInAnyOrder(formaloo.emulator().customerCodes().toArray()));
    assertThat(formaloo.received().getOrDefault("GET /customers/", 0L), greaterThan(3L));
  }

  @Test
  void testMethodsMayTakeTheEmulatorAndItsConfig(FormalooEmulator emulator, FormalooConfig config) {
    assertThat(emulator, is(formaloo.emulator()));
    assertThat(config.baseUrl(), is(emulator.baseUrl()));
    assertThat(config.business(), is(emulator.business()));
  }

  @Test
  void writesTheCredentialsFileThatReferencesTake(@TempDir Path folder) throws Exception {
    String written = Files.readString(formaloo.credentialsFile(folder));

    assertThat(written, containsString("api_key=" + formaloo.emulator().apiKey() + "\n"));
    assertThat(written, containsString("api_secret=" + formaloo.emulator().apiSecret() + "\n"));
  }

  /** On an instance field, each test method has an emulator of its own. */
  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerMethod {
    @RegisterExtension final FormalooEmulatorExtension own = FormalooEmulatorExtension.seeded(5, 0);

    @Test
    @Order(1)
    void firstMethodStartsWithAnUntouchedEmulatorAndUsesIt() {
      assertThat(own.emulator().requestCount(), is(0L));
      Pipeline pipeline = TestPipelines.direct();
      pipeline.apply(FormalooIO.readCustomers().withConfig(own.config()));
      pipeline.run().waitUntilFinish();
      assertThat(own.emulator().requestCount(), greaterThan(0L));
    }

    @Test
    @Order(2)
    void secondMethodStartsWithAnUntouchedEmulatorToo() {
      assertThat(own.emulator().requestCount(), is(0L));
      assertThat(own.emulator().customerCount(), is(5));
    }
  }
}
