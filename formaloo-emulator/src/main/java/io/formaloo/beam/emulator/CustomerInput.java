package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A validated customer body: only the fields the client sent are present. */
final class CustomerInput {
  boolean hasFullName;
  String fullName;
  boolean hasEmail;
  String email;
  boolean hasPhoneNumber;
  String phoneNumber;
  boolean hasCustomerData;
  ObjectNode customerData;
  boolean hasTags;
  List<JsonNode> tags;
  boolean hasScore;
  int score;

  /** The customer's identity for upserts: the email, else the phone number. */
  boolean identifies() {
    return (email != null && !email.isBlank()) || (phoneNumber != null && !phoneNumber.isBlank());
  }
}
