/**
 * The types a user of {@code FormalooIO}'s writes meets: the outcome of each input record, {@link
 * io.formaloo.beam.io.write.WrittenRecord} or {@link io.formaloo.beam.io.write.FailedRecord} with
 * its {@link io.formaloo.beam.io.write.FailureKind}.
 */
package io.formaloo.beam.io.write;
