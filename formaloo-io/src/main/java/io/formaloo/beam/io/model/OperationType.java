package io.formaloo.beam.io.model;

/**
 * What an activity did to its subject: the reference's {@code OperationTypeEnum}, also used for an
 * action type's {@code default_operation_type} ({@code DefaultOperationTypeEnum}, the same values).
 */
public enum OperationType {
  CREATE("create"),
  READ("read"),
  UPDATE("update"),
  DELETE("delete"),
  UNDEFINED("undefined");

  private final String jsonValue;

  OperationType(String jsonValue) {
    this.jsonValue = jsonValue;
  }

  /** The value as the API writes it, e.g. {@code "create"}. */
  public String jsonValue() {
    return jsonValue;
  }

  /**
   * The constant for an API value.
   *
   * @throws IllegalArgumentException for a value the reference does not list: reading it as some
   *     other operation would silently change the record
   */
  public static OperationType fromJson(String value) {
    for (OperationType type : values()) {
      if (type.jsonValue.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "\"" + value + "\" is not an operation type (create, read, update, delete, undefined)");
  }
}
