package io.formaloo.beam.pipelines.export;

import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.cli.DateWindow;
import io.formaloo.beam.pipelines.deadletters.ReadDeadLetters;
import io.formaloo.beam.pipelines.metrics.CountFn;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.records.Entity;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * The reads of an export, the same whatever it writes to: each entity read once (the read removes
 * the repeats that page shifting causes), counted, and what the read could not read in the entity's
 * dead letters.
 */
final class EntityReads {
  /** Where an entity's records go: files, or a warehouse table. */
  interface Destination {
    <T> void write(Entity entity, PCollection<T> records, Class<T> type);
  }

  private EntityReads() {}

  /**
   * Reads every entity of {@code plan} and hands it to {@code destination}; activities of {@code
   * window} (null: every activity) by the plan's date field.
   */
  static void readAll(
      Pipeline pipeline,
      ExportPlan plan,
      FormalooConfig config,
      DateWindow window,
      Destination destination) {
    for (Entity entity : plan.entities()) {
      switch (entity) {
        case CUSTOMERS:
          read(pipeline, entity, FormalooIO.readCustomers().withConfig(config), plan)
              .to(destination, Customer.class);
          break;
        case ACTIVITIES:
          read(pipeline, entity, activities(config, plan, window), plan)
              .to(destination, Activity.class);
          break;
        case TAGS:
          read(pipeline, entity, FormalooIO.readTags().withConfig(config), plan)
              .to(destination, Tag.class);
          break;
        case ACTION_TYPES:
          read(pipeline, entity, FormalooIO.readActionTypes().withConfig(config), plan)
              .to(destination, ActionType.class);
          break;
        case CURRENCIES:
          read(pipeline, entity, FormalooIO.readCurrencies().withConfig(config), plan)
              .to(destination, Currency.class);
          break;
      }
    }
  }

  private static FormalooIO.Read<Activity> activities(
      FormalooConfig config, ExportPlan plan, DateWindow window) {
    FormalooIO.Read<Activity> read = FormalooIO.readActivities().withConfig(config);
    if (window == null) {
      return read;
    }
    return plan.dateField().equals(ExportPlan.CREATED_AT)
        ? read.withCreatedBetween(window.since(), window.until())
        : read.withActivityDateBetween(window.since(), window.until());
  }

  private static <T> Records<T> read(
      Pipeline pipeline, Entity entity, FormalooIO.Read<T> read, ExportPlan plan) {
    String name = entity.folder();
    BadRecordErrorHandler<PDone> unread =
        pipeline.registerBadRecordErrorHandler(
            new ReadDeadLetters(name, plan.deadLetterFolder(entity)));
    PCollection<T> records = pipeline.apply("Read " + name, read.withErrorHandler(unread));
    unread.close();
    PCollection<T> counted =
        records
            .apply(
                "Count " + name,
                ParDo.of(new CountFn<T>(PipelineCounters.RECORDS_EXPORTED, name + "_exported")))
            .setCoder(records.getCoder());
    return new Records<>(entity, counted);
  }

  /** One entity's records, typed, on their way to a destination. */
  private record Records<T>(Entity entity, PCollection<T> records) {
    @SuppressWarnings("unchecked")
    void to(Destination destination, Class<?> type) {
      destination.write(entity, records, (Class<T>) type);
    }
  }
}
