package io.formaloo.beam.io.internal.write;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.WindowingStrategy;

/**
 * Gives a write's results the windowing of its input. The write batches in one (global) window, so
 * that it works under any windowing, merging windows included; each result carries its input
 * record's timestamp, so the input's {@code WindowFn} assigns it the windows its record had.
 *
 * <p>(A {@code WindowFn} that looks at the element itself, rather than its timestamp, would see a
 * result instead of the input record; the standard ones do not.)
 */
final class RestoreWindowing<X> extends PTransform<PCollection<X>, PCollection<X>> {
  private static final long serialVersionUID = 1L;

  private final WindowingStrategy<?, ?> input;

  RestoreWindowing(WindowingStrategy<?, ?> input) {
    this.input = input;
  }

  @Override
  public PCollection<X> expand(PCollection<X> results) {
    @SuppressWarnings("unchecked")
    WindowFn<Object, ?> windowFn = (WindowFn<Object, ?>) input.getWindowFn();
    // Windows assigned afresh have not been merged yet, whatever the input's had been.
    WindowingStrategy<?, ?> strategy =
        windowFn.isNonMerging() ? input : input.withAlreadyMerged(false);
    return results
        .apply("Assign input windows", Window.<X>into(windowFn))
        .setWindowingStrategyInternal(strategy);
  }
}
