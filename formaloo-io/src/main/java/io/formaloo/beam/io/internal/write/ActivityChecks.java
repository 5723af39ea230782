package io.formaloo.beam.io.internal.write;

import static io.formaloo.beam.io.internal.write.CustomerChecks.isBlank;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import java.math.BigDecimal;

/**
 * The checks an activity must pass before it is sent: an action (slug or title), a customer the API
 * can find or create (code, email or phone), a well-formed email, a decimal amount, a slug the API
 * accepts, and text without characters the API refuses ({@link TextChecks}). (An undocumented
 * operation type cannot reach here: the model's enum holds the documented ones only, and JSON input
 * naming another fails when it is parsed.)
 */
final class ActivityChecks {
  /** The longest slug the API stores. */
  static final int MAX_SLUG_LENGTH = 255;

  private ActivityChecks() {}

  static FieldProblems check(Activity activity) {
    FieldProblems problems = new FieldProblems();
    ActivityAction action = activity.getAction();
    if (action == null || (isBlank(action.getSlug()) && isBlank(action.getTitle()))) {
      problems.add("action", "An action needs a slug or a title.");
    }
    ActivityCustomer customer = activity.getCustomer();
    if (customer == null
        || (isBlank(customer.getCode())
            && isBlank(customer.getEmail())
            && isBlank(customer.getPhoneNumber()))) {
      problems.add("customer", "A customer needs a code, an email or a phone_number.");
    } else if (!isBlank(customer.getEmail()) && !Emails.isWellFormed(customer.getEmail())) {
      problems.add("customer.email", Emails.INVALID);
    }
    String amount = activity.getMonetaryValue();
    if (amount != null) {
      try {
        new BigDecimal(amount);
      } catch (NumberFormatException e) {
        problems.add("monetary_value", "A valid number is required.");
      }
    }
    if (action != null) {
      TextChecks.check(problems, "action.slug", action.getSlug());
      TextChecks.check(problems, "action.title", action.getTitle());
      TextChecks.check(problems, "action.description", action.getDescription());
    }
    if (customer != null) {
      TextChecks.check(problems, "customer.code", customer.getCode());
      TextChecks.check(problems, "customer.phone_number", customer.getPhoneNumber());
      TextChecks.check(problems, "customer.full_name", customer.getFullName());
    }
    TextChecks.check(problems, "description", activity.getDescription());
    String slug = activity.getSlug();
    TextChecks.check(problems, "slug", slug);
    if (slug != null && (slug.isBlank() || slug.length() > MAX_SLUG_LENGTH)) {
      problems.add("slug", "Ensure this field has between 1 and 255 characters.");
    }
    return problems;
  }
}
