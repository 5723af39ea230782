/**
 * The types a user of {@code FormalooIO}'s reads meets: {@link io.formaloo.beam.io.read.ListQuery}
 * (a list and its filters, as data for {@code readAll}) and the exceptions a read fails with.
 */
package io.formaloo.beam.io.read;
