package io.formaloo.beam.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void concurrentCreatesAllLand() throws Exception {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      ApiClient api = ApiClient.authenticated(emulator);
      List<Integer> statuses =
          runConcurrently(
              8,
              40,
              (t, i) ->
                  api.post("/customers/", "{\"email\":\"c" + t + "-" + i + "@example.com\"}")
                      .status);
      assertThat(statuses, everyItem(is(201)));
      assertThat(emulator.customerCount(), is(320));
    }
  }

  @Test
  void concurrentUpsertsOfOneEmailMakeOneCustomer() throws Exception {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      ApiClient api = ApiClient.authenticated(emulator);
      runConcurrently(
          8,
          10,
          (t, i) ->
              api.post("/customers/", "{\"email\":\"same@example.com\",\"score\":" + i + "}")
                  .status);
      assertThat(emulator.customerCount(), is(1));
    }
  }

  @Test
  void concurrentActivityWritesWithOneSlugMakeOneActivity() throws Exception {
    try (FormalooEmulator emulator = FormalooEmulator.start()) {
      ApiClient api = ApiClient.authenticated(emulator);
      List<Integer> statuses =
          runConcurrently(
              8,
              5,
              (t, i) ->
                  api.post(
                          "/activities",
                          "{\"action\":{\"slug\":\"login\"},\"customer\":{\"email\":\"x@example.com\"},"
                              + "\"slug\":\"one-slug\"}")
                      .status);
      assertThat(statuses.stream().filter(s -> s == 201).count(), is(1L));
      assertThat(statuses.stream().filter(s -> s == 400).count(), is(39L));
      assertThat(emulator.activityCount(), is(1));
    }
  }

  @Test
  void concurrentReadsWhileWritingSeeConsistentPages() throws Exception {
    try (FormalooEmulator emulator =
        FormalooEmulator.start(EmulatorConfig.builder().seedCustomers(200).build())) {
      ApiClient api = ApiClient.authenticated(emulator);
      List<Integer> statuses =
          runConcurrently(
              6,
              30,
              (t, i) -> {
                if (t % 2 == 0) {
                  return api.post("/customers/", "{\"email\":\"w" + t + "-" + i + "@example.com\"}")
                      .status;
                }
                com.fasterxml.jackson.databind.JsonNode page = api.get("/customers/?page=3").body;
                int expected = Math.min(10, Math.max(0, page.get("count").asInt() - 20));
                return page.get("customers").size() == expected ? 200 : -1;
              });
      assertThat(statuses.stream().allMatch(s -> s == 200 || s == 201), is(true));
      assertThat(emulator.customerCount(), is(290));
    }
  }

  interface Work {
    int run(int thread, int iteration) throws Exception;
  }

  private static List<Integer> runConcurrently(int threads, int perThread, Work work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<Integer>> task =
            () -> {
              List<Integer> out = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                out.add(work.run(thread, i));
              }
              return out;
            };
        futures.add(pool.submit(task));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
