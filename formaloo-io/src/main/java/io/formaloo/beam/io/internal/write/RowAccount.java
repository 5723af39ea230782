package io.formaloo.beam.io.internal.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.io.write.WrittenRecord;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What an imported job's answer accounts for ({@link ImportResults#account}): the rows it names as
 * failed, and, unless it leaves gaps, every other row as imported. Rows it does not account for
 * must be confirmed another way before they are reported written.
 */
final class RowAccount {
  private final Map<Integer, JsonNode> failedRows;
  private final List<String> gaps;
  private final @Nullable Boolean created;

  RowAccount(Map<Integer, JsonNode> failedRows, List<String> gaps, @Nullable Boolean created) {
    this.failedRows = failedRows;
    this.gaps = gaps;
    this.created = created;
  }

  /** The errors the answer gives for row {@code index}, or null if it does not name it failed. */
  @Nullable JsonNode errorsOf(int index) {
    return failedRows.get(index);
  }

  int failedCount() {
    return failedRows.size();
  }

  /** Whether the answer's counts agree that every row it does not name failed was imported. */
  boolean accountsForEveryRow() {
    return gaps.isEmpty();
  }

  /** Why the answer does not account for every row, for a person; empty when it does. */
  String gaps() {
    return String.join("; ", gaps);
  }

  /** {@link WrittenRecord#getCreated()} of the rows the answer accounts for as imported. */
  @Nullable Boolean created() {
    return created;
  }
}
