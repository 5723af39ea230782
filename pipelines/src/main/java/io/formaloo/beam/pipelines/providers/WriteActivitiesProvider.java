package io.formaloo.beam.pipelines.providers;

import com.google.auto.service.AutoService;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.write.FailedRecord;
import java.util.List;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.TypedSchemaTransformProvider;

/** {@code FormalooIO.writeActivities()} for Beam YAML and Python: rows in, outcomes out. */
@AutoService(SchemaTransformProvider.class)
public class WriteActivitiesProvider extends TypedSchemaTransformProvider<WriteConfiguration> {
  public static final String URN = "beam:schematransform:org.formaloo:write_activities:v1";

  @Override
  public String identifier() {
    return URN;
  }

  @Override
  public String description() {
    return "Writes activities (rows with the API's field names: action, customer, activity_date,"
        + " activity_data, ...) to a Formaloo business, each with a stable slug so that a replay"
        + " never writes one twice; outputs what was written and, with error_handling, what was"
        + " not.";
  }

  @Override
  public List<String> inputCollectionNames() {
    return List.of(WriteRows.INPUT);
  }

  @Override
  public List<String> outputCollectionNames() {
    return List.of(WriteRows.WRITTEN);
  }

  @Override
  protected SchemaTransform from(WriteConfiguration configuration) {
    return new WriteRows<>(
        configuration.configure(FormalooIO.writeActivities(), false),
        Activity.class,
        "an activity",
        FailedRecord::getActivity,
        configuration.errorOutput());
  }
}
