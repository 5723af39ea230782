/**
 * The Formaloo CDP API's records as immutable AutoValue classes with Beam schemas, and their JSON.
 *
 * <p>Each record class ({@link io.formaloo.beam.io.model.Customer}, {@link
 * io.formaloo.beam.io.model.Activity}, {@link io.formaloo.beam.io.model.Tag}, ...) is a {@code
 * PCollection} element type: {@code @DefaultSchema(AutoValueSchema.class)} gives it a schema coder
 * and lets it convert to and from {@code Row}. Optional fields are {@code @Nullable}; timestamps
 * are Joda {@code Instant}s (Beam's {@code DATETIME}); free-form JSON objects are kept as JSON
 * text; enums are Beam enumeration types.
 *
 * <p>{@link io.formaloo.beam.io.model.ModelJson} reads and writes all of them with the API's field
 * names.
 */
package io.formaloo.beam.io.model;
