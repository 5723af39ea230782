/**
 * The connector's implementation: not part of its API. Classes here are public only so that the
 * packages of the implementation can reach each other; they may change or go away in any release,
 * with no notice. Users reach everything through {@link io.formaloo.beam.io.FormalooIO}, the
 * configuration in {@code io.formaloo.beam.io.client}, the records in {@code
 * io.formaloo.beam.io.model} and the read and write types in {@code io.formaloo.beam.io.read} and
 * {@code io.formaloo.beam.io.write}.
 */
package io.formaloo.beam.io.internal;
