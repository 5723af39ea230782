package io.formaloo.beam.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Testing your pipeline" example, verbatim: a user's pipeline (give every customer
 * under a score of 50 ten points) tested against the emulator, under faults.
 */
class ExamplePipelineTest {

  /** The pipeline under test: what a user writes, taking its configuration from outside. */
  static class BoostLowScores extends PTransform<PBegin, FormalooIO.Write.Result> {
    private final FormalooConfig formaloo;

    BoostLowScores(FormalooConfig formaloo) {
      this.formaloo = formaloo;
    }

    @Override
    public FormalooIO.Write.Result expand(PBegin begin) {
      return begin
          .apply(FormalooIO.readCustomers().withConfig(formaloo))
          .apply(Filter.by(c -> c.getScore() != null && c.getScore() < 50))
          .apply(
              MapElements.into(TypeDescriptor.of(Customer.class))
                  .via(
                      c ->
                          Customer.builder()
                              .setEmail(c.getEmail())
                              .setScore(c.getScore() + 10)
                              .build()))
          .apply(FormalooIO.writeCustomers().withConfig(formaloo));
    }
  }

  /** One emulator for the class: 300 seeded customers, pages of 20, 5% of answers 5xx. */
  @RegisterExtension
  static final FormalooEmulatorExtension formaloo =
      FormalooEmulatorExtension.with(
          EmulatorConfig.builder()
              .seedCustomers(300)
              .defaultPageSize(20)
              .faults(Faults.builder().errorRate(0.05).build()));

  @Test
  void everyScoreUnder50GainsTenPointsOnceAndTheOthersStay() {
    Map<String, Integer> before = scoresByCode();

    Pipeline pipeline = TestPipelines.direct();
    FormalooIO.Write.Result result = pipeline.apply(new BoostLowScores(formaloo.config()));
    CollectedOutput<FailedRecord> failed = CollectedOutput.of(result.getFailed());
    pipeline.run().waitUntilFinish();

    Map<String, Integer> expected = new HashMap<>();
    before.forEach(
        (code, score) -> expected.put(code, score != null && score < 50 ? score + 10 : score));
    assertThat("some customers had a score under 50", expected, is(not(before)));
    assertThat(failed.elements(), is(empty()));
    assertThat(scoresByCode(), is(expected));
    assertThat(formaloo.received().get("POST /customers/"), greaterThan(0L));
  }

  /** The emulator's customers' scores, by customer code (null where a customer has none). */
  private static Map<String, Integer> scoresByCode() {
    Map<String, Integer> scores = new HashMap<>();
    for (String code : formaloo.emulator().customerCodes()) {
      JsonNode score = formaloo.emulator().findCustomerByCode(code).path("score");
      scores.put(code, score.isInt() ? score.asInt() : null);
    }
    return scores;
  }
}
