package io.formaloo.beam.emulator;

import java.math.BigDecimal;
import java.time.Instant;

/** A validated activity body. */
final class ActivityInput {
  String actionSlug;
  String actionTitle;
  String actionDescription;
  String customerCode;
  String customerEmail;
  String customerPhone;
  String customerFullName;
  String operationType;
  String description;
  Instant activityDate;
  BigDecimal monetaryValue;
  String currency;
  String slug;
}
