package io.formaloo.beam.pipelines.cli;

/**
 * A command-line option is missing or wrong. The message starts with the option's name, so that a
 * person knows what to change; it never quotes a credential.
 */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String message) {
    super(message);
  }

  public InvalidOptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
