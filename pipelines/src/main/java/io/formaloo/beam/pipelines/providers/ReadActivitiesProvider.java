package io.formaloo.beam.pipelines.providers;

import com.google.auto.service.AutoService;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Activity;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.TypedSchemaTransformProvider;

/**
 * {@code FormalooIO.readActivities()} for Beam YAML and Python: activities, filtered, optionally of
 * a window of creation days (read day by day, in parallel), as rows.
 */
@AutoService(SchemaTransformProvider.class)
public class ReadActivitiesProvider extends TypedSchemaTransformProvider<ReadConfiguration> {
  public static final String URN = "beam:schematransform:org.formaloo:read_activities:v1";

  @Override
  public String identifier() {
    return URN;
  }

  @Override
  public String description() {
    return "Reads the activities of a Formaloo business, with the API's filters and an optional"
        + " window of creation days (created_from, created_to; inclusive), as rows.";
  }

  @Override
  public List<String> outputCollectionNames() {
    return List.of(ReadRows.OUTPUT);
  }

  @Override
  protected SchemaTransform from(ReadConfiguration configuration) {
    configuration.requireNoList("read_activities");
    LocalDate from = ReadConfiguration.day(configuration.getCreatedFrom(), "created_from");
    LocalDate to = ReadConfiguration.day(configuration.getCreatedTo(), "created_to");
    if ((from == null) != (to == null)) {
      throw new InvalidConfigurationException(
          "created_from and created_to go together: give both days of the window, or neither");
    }
    if (from != null && from.isAfter(to)) {
      throw new InvalidConfigurationException(
          "created_from (" + from + ") must not be after created_to (" + to + ")");
    }
    FormalooIO.Read<Activity> read =
        FormalooIO.readActivities()
            .withConfig(configuration.config())
            .withFilters(configuration.filters());
    return new ReadRows<>(from == null ? read : read.withCreatedBetween(from, to), Activity.class);
  }
}
