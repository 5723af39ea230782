package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates request bodies the way the service's DRF serializers do, and turns them into inputs for
 * the store. Every problem in a body is reported at once, keyed by field.
 */
final class Bodies {
  static final Set<String> OPERATION_TYPES =
      Set.of("create", "read", "update", "delete", "undefined");

  /** Close to Django's EmailValidator for what clients send in practice: one @, a dotted domain. */
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  private static final String REQUIRED = "This field is required.";
  private static final String NOT_A_STRING = "Not a valid string.";

  private Bodies() {}

  static FieldErrors expectObject(JsonNode body) {
    FieldErrors errors = new FieldErrors();
    if (!body.isObject()) {
      errors.add(
          FieldErrors.NON_FIELD,
          "Invalid data. Expected a dictionary, but got " + typeName(body) + ".");
    }
    return errors;
  }

  /** A customer for create (partial = false) or PATCH (partial = true). */
  static CustomerInput customer(JsonNode body, boolean partial) {
    expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    CustomerInput in = customerInto(body, errors);
    if (!partial && !in.identifies() && errors.isEmpty()) {
      errors.add(FieldErrors.NON_FIELD, "Either email or phone_number is required.");
    }
    errors.throwIfAny();
    return in;
  }

  /** One row of a batch import: the errors it has (empty when valid) and, when valid, its input. */
  static CustomerInput customerRow(JsonNode row, FieldErrors errors) {
    if (!row.isObject()) {
      errors.add(
          FieldErrors.NON_FIELD,
          "Invalid data. Expected a dictionary, but got " + typeName(row) + ".");
      return null;
    }
    CustomerInput in = customerInto(row, errors);
    if (!in.identifies() && errors.isEmpty()) {
      errors.add(FieldErrors.NON_FIELD, "Either email or phone_number is required.");
    }
    return errors.isEmpty() ? in : null;
  }

  private static CustomerInput customerInto(JsonNode body, FieldErrors errors) {
    CustomerInput in = new CustomerInput();
    if (body.has("full_name")) {
      in.hasFullName = true;
      in.fullName = optionalString(body, "full_name", errors);
    }
    if (body.has("email")) {
      in.hasEmail = true;
      in.email = optionalString(body, "email", errors);
      if (in.email != null && !in.email.isEmpty() && !EMAIL.matcher(in.email).matches()) {
        errors.add("email", "Enter a valid email address.");
      }
      if (in.email != null && in.email.isEmpty()) {
        in.email = null;
      }
    }
    if (body.has("phone_number")) {
      in.hasPhoneNumber = true;
      in.phoneNumber = optionalString(body, "phone_number", errors);
      if (in.phoneNumber != null && in.phoneNumber.isEmpty()) {
        in.phoneNumber = null;
      }
    }
    if (body.has("customer_data")) {
      in.hasCustomerData = true;
      JsonNode data = body.get("customer_data");
      if (data.isObject()) {
        in.customerData = (ObjectNode) data;
      } else if (!data.isNull()) {
        errors.add(
            "customer_data",
            "Expected a dictionary of items but got type \"" + typeName(data) + "\".");
      }
    }
    if (body.has("score")) {
      in.hasScore = true;
      Integer score = optionalInteger(body.get("score"));
      if (score == null) {
        errors.add("score", "A valid integer is required.");
      } else {
        in.score = score;
      }
    }
    if (body.has("tags")) {
      in.hasTags = true;
      JsonNode tags = body.get("tags");
      if (!tags.isArray()) {
        errors.add("tags", "Expected a list of items but got type \"" + typeName(tags) + "\".");
      } else {
        List<JsonNode> refs = new ArrayList<>();
        FieldErrors tagErrors = new FieldErrors();
        for (JsonNode tag : tags) {
          if (tag.isTextual()) {
            refs.add(tag);
          } else if (tag.isObject()
              && (textOf(tag, "slug") != null || textOf(tag, "title") != null)) {
            refs.add(tag);
          } else {
            tagErrors.add(FieldErrors.NON_FIELD, "A tag needs a slug or a title.");
          }
        }
        errors.nest("tags", tagErrors);
        in.tags = refs;
      }
    }
    return in;
  }

  static ActivityInput activity(JsonNode body) {
    expectObject(body).throwIfAny();
    FieldErrors errors = new FieldErrors();
    ActivityInput in = new ActivityInput();

    JsonNode action = body.get("action");
    if (action == null || action.isNull()) {
      errors.add("action", REQUIRED);
    } else if (!action.isObject()) {
      errors.nest(
          "action",
          new FieldErrors()
              .add(
                  FieldErrors.NON_FIELD,
                  "Invalid data. Expected a dictionary, but got " + typeName(action) + "."));
    } else {
      FieldErrors actionErrors = new FieldErrors();
      in.actionSlug = optionalString(action, "slug", actionErrors);
      in.actionTitle = optionalString(action, "title", actionErrors);
      in.actionDescription = optionalString(action, "description", actionErrors);
      if (actionErrors.isEmpty() && isBlank(in.actionSlug) && isBlank(in.actionTitle)) {
        actionErrors.add(FieldErrors.NON_FIELD, "An action needs a slug or a title.");
      }
      errors.nest("action", actionErrors);
    }

    JsonNode customer = body.get("customer");
    if (customer == null || customer.isNull()) {
      errors.add("customer", REQUIRED);
    } else if (!customer.isObject()) {
      errors.nest(
          "customer",
          new FieldErrors()
              .add(
                  FieldErrors.NON_FIELD,
                  "Invalid data. Expected a dictionary, but got " + typeName(customer) + "."));
    } else {
      FieldErrors customerErrors = new FieldErrors();
      in.customerCode = optionalString(customer, "code", customerErrors);
      in.customerEmail = optionalString(customer, "email", customerErrors);
      in.customerPhone = optionalString(customer, "phone_number", customerErrors);
      in.customerFullName = optionalString(customer, "full_name", customerErrors);
      if (!isBlank(in.customerEmail) && !EMAIL.matcher(in.customerEmail).matches()) {
        customerErrors.add("email", "Enter a valid email address.");
      }
      if (customerErrors.isEmpty()
          && isBlank(in.customerCode)
          && isBlank(in.customerEmail)
          && isBlank(in.customerPhone)) {
        customerErrors.add(
            FieldErrors.NON_FIELD, "A customer needs a code, an email or a phone_number.");
      }
      errors.nest("customer", customerErrors);
    }

    in.operationType = optionalString(body, "operation_type", errors);
    if (in.operationType != null && !OPERATION_TYPES.contains(in.operationType)) {
      errors.add("operation_type", "\"" + in.operationType + "\" is not a valid choice.");
    }
    in.description = optionalString(body, "description", errors);
    in.slug = optionalString(body, "slug", errors);
    if (in.slug != null && (in.slug.isEmpty() || in.slug.length() > 255)) {
      errors.add("slug", "Ensure this field has between 1 and 255 characters.");
    }
    if (body.hasNonNull("activity_date")) {
      in.activityDate = dateTime(body.get("activity_date"), "activity_date", errors);
    }
    if (body.hasNonNull("monetary_value")) {
      JsonNode value = body.get("monetary_value");
      try {
        if (value.isNumber() || value.isTextual()) {
          in.monetaryValue = new BigDecimal(value.asText());
        } else {
          errors.add("monetary_value", "A valid number is required.");
        }
      } catch (NumberFormatException e) {
        errors.add("monetary_value", "A valid number is required.");
      }
    }
    if (body.hasNonNull("currency")) {
      JsonNode currency = body.get("currency");
      if (currency.isTextual()) {
        in.currency = currency.asText();
      } else if (currency.isObject() && textOf(currency, "iso_code") != null) {
        in.currency = textOf(currency, "iso_code");
      } else {
        errors.add("currency", "Give the currency's iso_code.");
      }
    }
    errors.throwIfAny();
    return in;
  }

  static Instant dateTime(JsonNode value, String field, FieldErrors errors) {
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText()).toInstant();
      } catch (DateTimeParseException e) {
        // falls through to the DRF message below
      }
    }
    errors.add(
        field,
        "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    return null;
  }

  static String optionalString(JsonNode body, String field, FieldErrors errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber() || value.isBoolean()) {
      // DRF's CharField accepts numbers and booleans and stores their text.
      return value.asText();
    }
    errors.add(field, NOT_A_STRING);
    return null;
  }

  static Integer optionalInteger(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual()) {
      try {
        return Integer.valueOf(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static String textOf(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()
        ? null
        : value.asText();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The Python type name DRF puts in its messages. */
  static String typeName(JsonNode node) {
    if (node.isArray()) {
      return "list";
    } else if (node.isTextual()) {
      return "str";
    } else if (node.isIntegralNumber()) {
      return "int";
    } else if (node.isNumber()) {
      return "float";
    } else if (node.isBoolean()) {
      return "bool";
    } else if (node.isNull()) {
      return "NoneType";
    }
    return "dict";
  }
}
