package io.formaloo.beam.io.internal.write;

import java.util.regex.Pattern;

/** Whether an email address is one the API accepts (close to Django's {@code EmailValidator}). */
final class Emails {
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  static final String INVALID = "Enter a valid email address.";

  private Emails() {}

  static boolean isWellFormed(String email) {
    return EMAIL.matcher(email).matches();
  }
}
