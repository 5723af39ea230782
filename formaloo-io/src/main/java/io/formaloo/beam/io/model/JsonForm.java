package io.formaloo.beam.io.model;

/** Which of a record's two JSON forms to write. */
enum JsonForm {
  /** Every field the record holds: what the API answers with, and what round-trips. */
  RECORD,
  /**
   * What a request body carries: fields the reference marks read-only are left out, and a reference
   * to another resource is written the way requests name it (a currency by its iso code).
   */
  REQUEST
}
