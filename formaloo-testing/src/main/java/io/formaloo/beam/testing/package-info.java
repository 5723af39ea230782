/**
 * The testing kit: {@link io.formaloo.beam.testing.FormalooEmulatorExtension} starts the Formaloo
 * API emulator for a JUnit 5 test and hands it a ready configuration; {@link
 * io.formaloo.beam.testing.CollectedOutput} and {@link io.formaloo.beam.testing.TestPipelines} help
 * assert what a pipeline produced. For tests only: add the module in test scope.
 */
package io.formaloo.beam.testing;
