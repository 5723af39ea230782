package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.model.Business;
import org.apache.beam.sdk.transforms.DoFn;

/** Reads {@code GET /businesses/} once. Built by {@code FormalooIO.readBusinesses()}. */
public final class ReadBusinessesFn extends DoFn<byte[], Business> {
  private static final long serialVersionUID = 1L;

  private final FormalooConfig config;

  public ReadBusinessesFn(FormalooConfig config) {
    this.config = config;
  }

  @ProcessElement
  public void process(OutputReceiver<Business> out) throws Exception {
    try (FormalooClient client = FormalooClient.create(config)) {
      for (Business business : client.listBusinesses()) {
        out.output(business);
      }
    }
  }
}
