package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ActivityAction;
import io.formaloo.beam.io.model.ActivityCustomer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.joda.time.Instant;

/** What analytics reads off an activity: its day, its action type, its customer. */
final class ActivityFacts {
  private ActivityFacts() {}

  /** The day (UTC) it happened, else the day it was recorded; null if neither is known. */
  static LocalDate day(Activity activity) {
    Instant when =
        activity.getActivityDate() != null ? activity.getActivityDate() : activity.getCreatedAt();
    if (when == null) {
      return null;
    }
    return java.time.Instant.ofEpochMilli(when.getMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The action type's title, else its slug. */
  static String actionType(Activity activity) {
    ActivityAction action = activity.getAction();
    if (action.getTitle() != null && !action.getTitle().isBlank()) {
      return action.getTitle();
    }
    return action.getSlug() != null ? action.getSlug() : "(unnamed)";
  }

  /** The customer's identity: code, else email, else phone number; null if none is known. */
  static String customer(Activity activity) {
    ActivityCustomer c = activity.getCustomer();
    if (c == null) {
      return null;
    }
    if (c.getCode() != null) {
      return c.getCode();
    }
    return c.getEmail() != null ? c.getEmail() : c.getPhoneNumber();
  }
}
