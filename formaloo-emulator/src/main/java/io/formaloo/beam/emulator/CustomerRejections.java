package io.formaloo.beam.emulator;

import java.util.Locale;

/**
 * A rule of the business, applied on the server, that refuses some customers a client cannot tell
 * apart in advance: every customer with an e-mail address at one domain. It stands for the
 * service's own rules (plan limits, blocked domains, duplicates across fields) that no client-side
 * check can foresee. Applied to {@code POST /customers/}, {@code PATCH /customers/{code}/} and to
 * each row of a batch import, with the same field error.
 */
final class CustomerRejections {
  private final String domain;

  /** {@code domain} null: no customer is refused by this rule. */
  CustomerRejections(String domain) {
    this.domain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
  }

  /** The rule's field errors for {@code in}; empty when the rule accepts it. */
  FieldErrors check(CustomerInput in) {
    FieldErrors errors = new FieldErrors();
    if (domain != null
        && in.email != null
        && in.email.toLowerCase(Locale.ROOT).endsWith("@" + domain)) {
      errors.add("email", "Customers with an e-mail address at " + domain + " are not accepted.");
    }
    return errors;
  }
}
