package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server decided to answer, decided before a byte of it is sent: so that the request log
 * records the answer before the client can have it, and the faults can replace it whole.
 */
final class Outcome {
  String endpoint;
  int status = 500;
  JsonNode body;
  String retryAfter;

  /** Drop the connection instead of answering: the work was not done. */
  boolean dropBeforeWork;

  /** Send half the answer, then drop the connection: the work was done. */
  boolean dropAfterWork;

  /** The e-mail address of a customer write, else null. */
  String customer;
}
