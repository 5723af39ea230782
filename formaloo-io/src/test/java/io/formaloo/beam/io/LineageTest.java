package io.formaloo.beam.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Customer;
import java.time.LocalDate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Lineage;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads and writes name their sources and sinks in Beam's lineage: formaloo:BUSINESS.ENTITY. */
class LineageTest {
  private static FormalooEmulator emulator;
  private static FormalooConfig config;

  @BeforeAll
  static void start() {
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().seedCustomers(20).seedActivities(40).build());
    config = Emulated.config(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void readsReportTheirListsAsSourcesUnderTheBusiness() {
    Pipeline p = Emulated.pipeline();
    p.apply("customers", FormalooIO.readCustomers().withConfig(config));
    p.apply("tags", FormalooIO.readTags().withConfig(config));
    p.apply(
        "activities",
        FormalooIO.readActivities()
            .withConfig(config)
            .withCreatedBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 3)));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    String business = emulator.business();
    assertThat(
        Lineage.query(result.metrics(), Lineage.Type.SOURCE),
        containsInAnyOrder(
            "formaloo:" + business + ".customers",
            "formaloo:" + business + ".tags",
            "formaloo:" + business + ".activities"));
    assertThat(Lineage.query(result.metrics(), Lineage.Type.SINK), empty());
  }

  @Test
  void aWriteReportsItsEntityAsTheSink() {
    Pipeline p = Emulated.pipeline();
    p.apply(Create.of(Customer.builder().setEmail("lineage@example.com").build()))
        .apply(FormalooIO.writeCustomers().withConfig(config));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    assertThat(
        Lineage.query(result.metrics(), Lineage.Type.SINK),
        containsInAnyOrder("formaloo:" + emulator.business() + ".customers"));
  }
}
