package io.formaloo.beam.io.model;

/**
 * A record's two JSON forms, as Jackson views: a field the mix-ins mark
 * {@code @JsonView(JsonForm.Record.class)} is written in the record form only; every other field in
 * both.
 */
final class JsonForm {
  private JsonForm() {}

  /**
   * What a request body carries: fields the reference marks read-only are left out, and a reference
   * to another resource is written the way requests name it (a currency by its iso code).
   */
  interface Request {}

  /** Every field the record holds: what the API answers with, and what round-trips. */
  interface Record extends Request {}
}
