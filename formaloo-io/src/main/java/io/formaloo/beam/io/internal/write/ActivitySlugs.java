package io.formaloo.beam.io.internal.write;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ModelJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable slugs for activities that have none: a hash of the activity's request body (its action,
 * customer, operation, description, date, amount and currency), so that the same activity always
 * gets the same slug and a retried or replayed write cannot create it twice.
 *
 * <p>The flip side: two activities that agree in every field are one activity. Activities that are
 * distinct events should differ in something, such as their {@code activity_date}, or carry slugs
 * of their own.
 */
final class ActivitySlugs {
  /** Hex characters of the SHA-256 kept: 160 bits, far from any collision. */
  private static final int LENGTH = 40;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ActivitySlugs() {}

  /** The activity with a slug: its own if it has one, else the stable one. */
  static Activity withSlug(Activity activity) {
    if (activity.getSlug() != null) {
      return activity;
    }
    return activity.toBuilder().setSlug(stableSlug(activity)).build();
  }

  /** The slug derived from the activity's content (its own slug, if any, left out). */
  static String stableSlug(Activity activity) {
    byte[] body = ModelJson.toRequestJsonBytes(activity.toBuilder().setSlug(null).build());
    byte[] hash = sha256().digest(body);
    char[] slug = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int b = hash[i / 2] & 0xff;
      slug[i] = HEX[i % 2 == 0 ? b >>> 4 : b & 0xf];
    }
    return new String(slug);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
