package io.formaloo.beam.pipelines.providers;

import com.google.auto.service.AutoService;
import io.formaloo.beam.io.FormalooIO;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.ActionTypeGroup;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Tag;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.io.InvalidConfigurationException;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.schemas.transforms.TypedSchemaTransformProvider;

/**
 * The reference lists for Beam YAML and Python: tags, action types and their groups, currencies.
 */
@AutoService(SchemaTransformProvider.class)
public class ReadReferenceListProvider extends TypedSchemaTransformProvider<ReadConfiguration> {
  public static final String URN = "beam:schematransform:org.formaloo:read_reference_list:v1";

  static final List<String> LISTS =
      List.of("tags", "action_types", "action_type_groups", "currencies");

  @Override
  public String identifier() {
    return URN;
  }

  @Override
  public String description() {
    return "Reads one reference list of a Formaloo business (list: "
        + String.join(", ", LISTS)
        + ") as rows.";
  }

  @Override
  public List<String> outputCollectionNames() {
    return List.of(ReadRows.OUTPUT);
  }

  @Override
  protected SchemaTransform from(ReadConfiguration configuration) {
    configuration.requireNoDayWindow("read_reference_list");
    String list = configuration.getList();
    if (list == null || list.isBlank()) {
      throw new InvalidConfigurationException(
          "list is required: one of " + String.join(", ", LISTS));
    }
    FormalooConfig config = configuration.config();
    switch (list.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "tags":
        return new ReadRows<>(
            FormalooIO.readTags().withConfig(config).withFilters(configuration.filters()),
            Tag.class);
      case "action_types":
        return new ReadRows<>(
            FormalooIO.readActionTypes().withConfig(config).withFilters(configuration.filters()),
            ActionType.class);
      case "action_type_groups":
        return new ReadRows<>(
            FormalooIO.readActionTypeGroups()
                .withConfig(config)
                .withFilters(configuration.filters()),
            ActionTypeGroup.class);
      case "currencies":
        return new ReadRows<>(
            FormalooIO.readCurrencies().withConfig(config).withFilters(configuration.filters()),
            Currency.class);
      default:
        throw new InvalidConfigurationException(
            "list: unknown list \"" + list + "\"; choose one of " + String.join(", ", LISTS));
    }
  }
}
