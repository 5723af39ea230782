/**
 * How {@code FormalooIO}'s writes run (internal, no compatibility guarantee): checks before
 * sending, batching by shard, the per-worker write pools that throttle requests, bulk import jobs
 * and the accounting that gives every input record one outcome, written or failed.
 */
package io.formaloo.beam.io.internal.write;
