package io.formaloo.beam.io.client;

import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.ActionTypeGroup;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Tag;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.List;

/**
 * A paginated list endpoint: its path, the key its pages hold the records under, and the model
 * class of those records. Serializable, so that a read transform can carry the endpoint it reads.
 *
 * <p>Paths are exactly as documented: {@code /activities} has no trailing slash, the others do.
 *
 * @param <T> the record class
 */
public final class ListEndpoint<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code GET /customers/}: filter {@code search}. */
  public static final ListEndpoint<Customer> CUSTOMERS =
      new ListEndpoint<>("/customers/", "customers", Customer.class);

  /**
   * {@code GET /activities}: filters {@code action_type}, {@code activity_date}, {@code
   * created_at}, {@code customer}, {@code operation_type}, {@code search} (see {@link
   * ActivityQuery}).
   */
  public static final ListEndpoint<Activity> ACTIVITIES =
      new ListEndpoint<>("/activities", "activities", Activity.class);

  /** {@code GET /action-types/}: filter {@code search}. */
  public static final ListEndpoint<ActionType> ACTION_TYPES =
      new ListEndpoint<>("/action-types/", "action_types", ActionType.class);

  /** {@code GET /action-type-groups/}: filter {@code search}. */
  public static final ListEndpoint<ActionTypeGroup> ACTION_TYPE_GROUPS =
      new ListEndpoint<>("/action-type-groups/", "action_type_groups", ActionTypeGroup.class);

  /** {@code GET /tags/}: filter {@code search}. */
  public static final ListEndpoint<Tag> TAGS = new ListEndpoint<>("/tags/", "tags", Tag.class);

  /** {@code GET /currencies/}: filter {@code search}. */
  public static final ListEndpoint<Currency> CURRENCIES =
      new ListEndpoint<>("/currencies/", "currencies", Currency.class);

  private static final List<ListEndpoint<?>> ALL =
      List.of(CUSTOMERS, ACTIVITIES, ACTION_TYPES, ACTION_TYPE_GROUPS, TAGS, CURRENCIES);

  private final String path;
  private final String listKey;
  private final Class<T> recordClass;

  private ListEndpoint(String path, String listKey, Class<T> recordClass) {
    this.path = path;
    this.listKey = listKey;
    this.recordClass = recordClass;
  }

  /** Every list endpoint. */
  public static List<ListEndpoint<?>> all() {
    return ALL;
  }

  /** The path under the base URL. */
  public String path() {
    return path;
  }

  /** The key of the answer that holds the page's records. */
  public String listKey() {
    return listKey;
  }

  /** The model class of the records. */
  public Class<T> recordClass() {
    return recordClass;
  }

  /** Keeps each endpoint a singleton across serialization, so that {@code ==} keeps working. */
  private Object readResolve() throws ObjectStreamException {
    for (ListEndpoint<?> e : ALL) {
      if (e.path.equals(path)) {
        return e;
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return "GET " + path;
  }
}
