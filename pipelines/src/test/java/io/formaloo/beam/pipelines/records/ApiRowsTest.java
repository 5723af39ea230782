package io.formaloo.beam.pipelines.records;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.OperationType;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class ApiRowsTest {
  @Test
  void fieldsTakeTheApisNames() {
    assertThat(ApiRows.apiName("fullName"), is("full_name"));
    assertThat(ApiRows.apiName("customerDataJson"), is("customer_data"));
    assertThat(ApiRows.apiName("isOwned"), is("is_owned"));
    assertThat(ApiRows.apiName("code"), is("code"));
    assertThat(
        names(RecordSchemas.api(ActionType.class)),
        is(
            List.of(
                "title",
                "description",
                "integration",
                "tags",
                "slug",
                "is_owned",
                "created_at",
                "updated_at",
                "default_operation_type",
                "activity_text_template",
                "action_score",
                "group")));
  }

  @Test
  void enumerationsBecomeTheApisTextAndBack() {
    Activity activity =
        Activity.builder()
            .setAction(ActivityAction.ofSlug("purchase"))
            .setOperationType(OperationType.CREATE)
            .build();
    Row model = RecordSchemas.coder(Activity.class).getToRowFunction().apply(activity);

    Row api = ApiRows.toApi(model, RecordSchemas.api(Activity.class));

    assertThat(api.getString("operation_type"), is("create"));
    assertThat(api.getRow("action").getString("slug"), is("purchase"));
    Row back = ApiRows.toModel(api, RecordSchemas.model(Activity.class));
    assertThat(RecordSchemas.coder(Activity.class).getFromRowFunction().apply(back), is(activity));
  }

  @Test
  void customersKeepTheirTagsThroughTheRenaming() {
    Customer customer =
        Customer.builder()
            .setEmail("a@example.org")
            .setTags(List.of(io.formaloo.beam.io.model.Tag.builder().setSlug("vip").build()))
            .setCustomerDataJson("{\"plan\":\"pro\"}")
            .build();
    Row model = RecordSchemas.coder(Customer.class).getToRowFunction().apply(customer);

    Row api = ApiRows.toApi(model, RecordSchemas.api(Customer.class));

    assertThat(api.getString("customer_data"), is("{\"plan\":\"pro\"}"));
    Row back = ApiRows.toModel(api, RecordSchemas.model(Customer.class));
    assertThat(RecordSchemas.coder(Customer.class).getFromRowFunction().apply(back), is(customer));
  }

  private static List<String> names(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::getName).collect(Collectors.toList());
  }
}
