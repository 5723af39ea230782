package io.formaloo.beam.io.client;

/**
 * What a single write answered: the record as the API returned it, the HTTP status (201 when the
 * API created the record, 200 when an upsert updated an existing one) and how many times the
 * request was sent. The connector's sinks use it to report created-versus-updated and retries.
 *
 * @param <T> the record type
 */
public final class WriteAnswer<T> {
  private final T record;
  private final int status;
  private final int attempts;

  WriteAnswer(T record, int status, int attempts) {
    this.record = record;
    this.status = status;
    this.attempts = attempts;
  }

  /** The record as the API answered with it (its code or slug set). */
  public T record() {
    return record;
  }

  /** The HTTP status of the answer: 201 created, 200 updated. */
  public int status() {
    return status;
  }

  /** How many times the request was sent, the first included. */
  public int attempts() {
    return attempts;
  }

  /** Whether the API created the record (201) rather than updating an existing one. */
  public boolean created() {
    return status == 201;
  }

  @Override
  public String toString() {
    return "WriteAnswer{status=" + status + ", attempts=" + attempts + "}";
  }
}
