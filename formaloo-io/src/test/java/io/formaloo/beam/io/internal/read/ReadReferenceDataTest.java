package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.Emulated;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.ActionTypeGroup;
import io.formaloo.beam.io.model.Business;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Tag;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadReferenceDataTest {
  private static FormalooEmulator emulator;
  private static FormalooConfig config;

  @BeforeAll
  static void start() {
    emulator = FormalooEmulator.start();
    config = Emulated.config(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void tags() {
    Pipeline p = Emulated.pipeline();
    PAssert.that(
            p.apply(FormalooIO.readTags().withConfig(config).withServerPageSize())
                .apply(MapElements.into(TypeDescriptors.strings()).via(Tag::getSlug)))
        .containsInAnyOrder("vip", "newsletter", "churn-risk", "beta");
    p.run().waitUntilFinish();
  }

  @Test
  void actionTypesAcrossPages() {
    Pipeline p = Emulated.pipeline();
    PAssert.that(
            p.apply(FormalooIO.readActionTypes().withConfig(config).withPageSize(3))
                .apply(MapElements.into(TypeDescriptors.strings()).via(ActionType::getSlug)))
        .containsInAnyOrder(
            "signup",
            "login",
            "page-view",
            "form-submit",
            "email-open",
            "purchase",
            "refund",
            "account-delete");
    p.run().waitUntilFinish();
  }

  @Test
  void actionTypeGroups() {
    Pipeline p = Emulated.pipeline();
    PAssert.that(
            p.apply(FormalooIO.readActionTypeGroups().withConfig(config))
                .apply(MapElements.into(TypeDescriptors.strings()).via(ActionTypeGroup::getSlug)))
        .containsInAnyOrder("engagement", "commerce", "lifecycle");
    p.run().waitUntilFinish();
  }

  @Test
  void currencies() {
    Pipeline p = Emulated.pipeline();
    PAssert.that(
            p.apply(FormalooIO.readCurrencies().withConfig(config).withPageSize(4))
                .apply(MapElements.into(TypeDescriptors.strings()).via(Currency::getIsoCode)))
        .containsInAnyOrder("USD", "EUR", "GBP", "IRR", "JPY", "CAD");
    p.run().waitUntilFinish();
  }

  @Test
  void businesses() {
    Pipeline p = Emulated.pipeline();
    PAssert.that(
            p.apply(FormalooIO.readBusinesses().withConfig(config))
                .apply(MapElements.into(TypeDescriptors.strings()).via(Business::getSlug)))
        .containsInAnyOrder(emulator.business());
    p.run().waitUntilFinish();
  }
}
