package io.formaloo.beam.pipelines.providers;

import com.google.auto.service.AutoService;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.TypedSchemaTransformProvider;

/** {@code FormalooIO.readCustomers()} for Beam YAML and Python: every customer, as rows. */
@AutoService(SchemaTransformProvider.class)
public class ReadCustomersProvider extends TypedSchemaTransformProvider<ReadConfiguration> {
  public static final String URN = "beam:schematransform:org.formaloo:read_customers:v1";

  @Override
  public String identifier() {
    return URN;
  }

  @Override
  public String description() {
    return "Reads every customer of a Formaloo business (optionally filtered), exactly once even"
        + " while the list changes, as rows with the API's field names.";
  }

  @Override
  public List<String> outputCollectionNames() {
    return List.of(ReadRows.OUTPUT);
  }

  @Override
  protected SchemaTransform from(ReadConfiguration configuration) {
    configuration.requireNoDayWindow("read_customers");
    configuration.requireNoList("read_customers");
    return new ReadRows<>(
        FormalooIO.readCustomers()
            .withConfig(configuration.config())
            .withFilters(configuration.filters()),
        Customer.class);
  }
}
