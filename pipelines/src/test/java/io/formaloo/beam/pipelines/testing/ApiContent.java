package io.formaloo.beam.pipelines.testing;

import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.FormalooClient;
import io.formaloo.beam.io.client.ListEndpoint;
import io.formaloo.beam.io.model.Page;
import io.formaloo.beam.testing.FormalooEmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an emulator holds, read the plainest way: one page after another with the connector's plain
 * client, while nothing changes the lists. The truth the tables of an export are compared with.
 */
public final class ApiContent {
  private ApiContent() {}

  public static <T> List<T> all(FormalooEmulator emulator, ListEndpoint<T> endpoint) {
    List<T> records = new ArrayList<>();
    try (FormalooClient client =
        FormalooClient.create(FormalooEmulatorExtension.configFor(emulator).build())) {
      for (int page = 1; ; page++) {
        Page<T> answer = client.listPage(endpoint, Map.of(), page);
        records.addAll(answer.getRecords());
        if (!answer.hasNext()) {
          return records;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
