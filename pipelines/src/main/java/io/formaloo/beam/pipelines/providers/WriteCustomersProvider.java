package io.formaloo.beam.pipelines.providers;

import com.google.auto.service.AutoService;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.write.FailedRecord;
import java.util.List;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.TypedSchemaTransformProvider;

/** {@code FormalooIO.writeCustomers()} for Beam YAML and Python: rows in, outcomes out. */
@AutoService(SchemaTransformProvider.class)
public class WriteCustomersProvider extends TypedSchemaTransformProvider<WriteConfiguration> {
  public static final String URN = "beam:schematransform:org.formaloo:write_customers:v1";

  @Override
  public String identifier() {
    return URN;
  }

  @Override
  public String description() {
    return "Upserts customers (rows with the API's field names: email or phone_number, full_name,"
        + " score, customer_data, ...) into a Formaloo business, in batches, bulk import jobs for"
        + " large ones; outputs what was written and, with error_handling, what was not.";
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
        configuration.configure(FormalooIO.writeCustomers(), true),
        Customer.class,
        "a customer",
        FailedRecord::getCustomer,
        configuration.errorOutput());
  }
}
