package io.formaloo.beam.emulator;

import java.math.BigDecimal;
import java.time.Instant;

/** An activity as the store keeps it: it points at its action type and its customer. */
final class ActivityRecord {
  final String slug;
  final ActionTypeRecord action;
  final CustomerRecord customer;
  final String operationType;
  final String description;
  final Instant activityDate;
  final BigDecimal monetaryValue;
  final CurrencyRecord currency;
  final Instant createdAt;

  ActivityRecord(
      String slug,
      ActionTypeRecord action,
      CustomerRecord customer,
      String operationType,
      String description,
      Instant activityDate,
      BigDecimal monetaryValue,
      CurrencyRecord currency,
      Instant createdAt) {
    this.slug = slug;
    this.action = action;
    this.customer = customer;
    this.operationType = operationType;
    this.description = description;
    this.activityDate = activityDate;
    this.monetaryValue = monetaryValue;
    this.currency = currency;
    this.createdAt = createdAt;
  }
}
