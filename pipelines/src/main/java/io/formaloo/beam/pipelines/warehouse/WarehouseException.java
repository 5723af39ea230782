package io.formaloo.beam.pipelines.warehouse;

/**
 * A warehouse that cannot be used as it is: not reachable, refusing the credentials, holding a
 * table of another shape, or failing a statement. The message names the warehouse without its
 * password, and says what failed.
 */
public final class WarehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WarehouseException(WarehouseUrl warehouse, String what, Throwable cause) {
    super(
        "--warehouse="
            + warehouse.redacted()
            + ": "
            + what
            + (cause == null || cause.getMessage() == null
                ? ""
                : " (" + WarehouseUrl.redact(cause.getMessage().strip()) + ")"),
        cause);
  }
}
