package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionReuseTest {
  private FormalooEmulator emulator;

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator = FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(40).build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void sequentialCallsReuseOneKeptAliveConnection() throws Exception {
    try (FormalooClient client = client(configFor(emulator).build(), new VirtualTime())) {
      for (int i = 0; i < 20; i++) {
        client.listCustomers(1 + i % 4);
      }
      assertThat(client.connectionsOpened(), is(1L));
    }
  }

  @Test
  void concurrentPageFetchesShareAPoolOfTheConfiguredSize() throws Exception {
    int threads = 8;
    int poolSize = 4;
    try (FormalooClient client =
        client(configFor(emulator).maxConnections(poolSize).build(), new VirtualTime())) {
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> fetched = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          fetched.add(
              pool.submit(
                  () -> {
                    start.await();
                    int records = 0;
                    for (int page = 1; page <= 4; page++) {
                      records += client.listCustomers(page).getRecords().size();
                    }
                    return records;
                  }));
        }
        for (Future<Integer> f : fetched) {
          assertThat(f.get(), is(40));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(client.connectionsOpened(), lessThanOrEqualTo((long) poolSize));
    }
  }
}
