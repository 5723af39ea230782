package io.formaloo.beam.benchmarks;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Page;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parses a 100-record page of customers and of activities into model objects: the client's cost per
 * page, apart from the network. Pages are real answers of the emulator, so they carry every field a
 * live answer has. One op is one page, so records/s = ops/s x 100 (scripts/bench prints both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelParseBenchmark {
  static final int RECORDS_PER_PAGE = 100;

  private byte[] customersPage;
  private byte[] activitiesPage;

  @Setup(Level.Trial)
  public void fetchPages() throws Exception {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(1_000)
                .seedActivities(1_000)
                .maxPageSize(RECORDS_PER_PAGE)
                .build())) {
      EmulatorPages pages = new EmulatorPages(emulator);
      customersPage = pages.get("/customers/?page_size=" + RECORDS_PER_PAGE);
      activitiesPage = pages.get("/activities?page_size=" + RECORDS_PER_PAGE);
    }
    check(ModelJson.parsePage(customersPage, "customers", Customer.class));
    check(ModelJson.parsePage(activitiesPage, "activities", Activity.class));
  }

  private static void check(Page<?> page) {
    if (page.getRecords().size() != RECORDS_PER_PAGE) {
      throw new IllegalStateException("expected a full page, got " + page.getRecords().size());
    }
  }

  @Benchmark
  public Page<Customer> customersPage() throws Exception {
    return ModelJson.parsePage(customersPage, "customers", Customer.class);
  }

  @Benchmark
  public Page<Activity> activitiesPage() throws Exception {
    return ModelJson.parsePage(activitiesPage, "activities", Activity.class);
  }
}
