package io.formaloo.beam.io.read;

/**
 * A read of a list that could not be completed as asked: a page that failed after the retries or a
 * record that does not map onto the model (without an error handler to take them), or a list that
 * grows too fast to be read. The message names the query and, where there is one, the page.
 */
public class ListReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ListReadException(String message) {
    super(message);
  }

  public ListReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
