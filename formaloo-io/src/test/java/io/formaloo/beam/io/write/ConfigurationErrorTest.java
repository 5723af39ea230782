package io.formaloo.beam.io.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.ErrorKind;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.FormalooException;
import io.formaloo.beam.io.model.Customer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A configuration no record can be written with fails the pipeline, not every record. */
class ConfigurationErrorTest {
  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FormalooEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private FormalooException failureOf(FormalooConfig config, FormalooIO.Write<Customer> write) {
    Pipeline p = Emulated.pipeline();
    Fixtures.create(p, Fixtures.customers(0, 20)).apply(write.withConfig(config));
    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    assertThat(e.getCause(), instanceOf(FormalooException.class));
    FormalooException cause = (FormalooException) e.getCause();
    assertThat(cause.kind(), is(ErrorKind.CONFIGURATION));
    assertThat(emulator.customerCount(), is(0));
    return cause;
  }

  @Test
  void anUnknownBusinessFailsThePipeline() {
    FormalooException e =
        failureOf(
            Emulated.configFor(emulator).business("no-such-business").build(),
            FormalooIO.writeCustomers().withoutBulkImport());
    assertThat(e.getMessage(), containsString("no-such-business"));
  }

  @Test
  void rejectedCredentialsFailThePipeline() {
    FormalooException e =
        failureOf(
            Emulated.configFor(emulator)
                .credentials(FormalooCredentials.of(emulator.apiKey(), "a-wrong-secret"))
                .build(),
            FormalooIO.writeCustomers().withoutBulkImport());
    assertThat(e.getMessage(), containsString("401"));
  }

  @Test
  void anUnknownBusinessFailsABulkImportToo() {
    failureOf(
        Emulated.configFor(emulator).business("no-such-business").build(),
        FormalooIO.writeCustomers().withBulkImport());
  }
}
