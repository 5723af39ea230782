package io.formaloo.beam.pipelines.records;

import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What export can export, each into a folder of its own name. */
public enum Entity {
  CUSTOMERS(Customer.class),
  ACTIVITIES(Activity.class),
  TAGS(Tag.class),
  ACTION_TYPES(ActionType.class),
  CURRENCIES(Currency.class);

  private final Class<?> modelClass;

  Entity(Class<?> modelClass) {
    this.modelClass = modelClass;
  }

  /** The connector's model class of the entity's records. */
  public Class<?> modelClass() {
    return modelClass;
  }

  /** The folder name and the name on the command line, e.g. {@code action_types}. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The entities a comma-separated list names, in this enum's order ({@code action-types} is {@code
   * action_types}).
   *
   * @throws InvalidOptionException naming {@code --entities} for a name it does not know
   */
  public static List<Entity> parseList(String value) {
    Set<Entity> chosen = EnumSet.noneOf(Entity.class);
    for (String name : String.valueOf(value).split(",")) {
      String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      if (key.isEmpty()) {
        continue;
      }
      try {
        chosen.add(Entity.valueOf(key));
      } catch (IllegalArgumentException e) {
        throw new InvalidOptionException(
            "--entities: unknown entity \""
                + name.trim()
                + "\"; choose from "
                + Arrays.stream(values()).map(Entity::folder).collect(Collectors.joining(",")));
      }
    }
    if (chosen.isEmpty()) {
      throw new InvalidOptionException("--entities names no entity: " + value);
    }
    return new ArrayList<>(chosen);
  }
}
