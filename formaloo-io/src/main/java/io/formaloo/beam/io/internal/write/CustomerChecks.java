package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Tag;
import java.util.List;

/**
 * The checks a customer must pass before it is sent: the API upserts by email (else phone), so it
 * needs one of them; an email must be well formed; its text must hold no character the API refuses
 * ({@link TextChecks}); its free-form data must be JSON.
 */
final class CustomerChecks {
  private CustomerChecks() {}

  static FieldProblems check(Customer customer) {
    FieldProblems problems = new FieldProblems();
    String email = customer.getEmail();
    if (isBlank(email) && isBlank(customer.getPhoneNumber())) {
      problems.add(FieldProblems.NON_FIELD, "Either email or phone_number is required.");
    }
    if (!isBlank(email) && !Emails.isWellFormed(email)) {
      problems.add("email", Emails.INVALID);
    }
    TextChecks.check(problems, "full_name", customer.getFullName());
    TextChecks.check(problems, "phone_number", customer.getPhoneNumber());
    List<Tag> tags = customer.getTags();
    if (tags != null) {
      for (Tag tag : tags) {
        if (tag == null || (isBlank(tag.getSlug()) && isBlank(tag.getTitle()))) {
          problems.add("tags", "A tag needs a slug or a title.");
          break;
        }
        String problem = TextChecks.problem(tag.getSlug());
        if (problem == null) {
          problem = TextChecks.problem(tag.getTitle());
        }
        if (problem != null) {
          problems.add("tags", problem);
          break;
        }
      }
    }
    if (customer.getCustomerDataJson() != null) {
      // The one free-form field: text that must be JSON to be sent at all.
      try {
        ModelJson.toRequestJsonBytes(
            Customer.builder().setCustomerDataJson(customer.getCustomerDataJson()).build());
      } catch (IllegalArgumentException e) {
        problems.add("customer_data", "Not valid JSON: " + e.getMessage());
      }
    }
    return problems;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
