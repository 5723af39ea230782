package io.formaloo.beam.emulator;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "data changes while you read it" fault: before a list of customers or activities is answered,
 * inserts records at the head of the newest-first list and deletes records anywhere in it, so pages
 * shift under a reader both ways, as they do on the live service. How many: the whole {@code
 * insertsPerListRequest} / {@code deletesPerListRequest} of {@link Faults}, plus the rates of its
 * {@link Churn} (per request, per second, bursts).
 */
final class ListChurn {
  private final DataStore store;
  private final FaultInjector faults;
  private final AtomicLong sequence = new AtomicLong();
  private final Rates customerRates = new Rates();
  private final Rates activityRates = new Rates();

  ListChurn(DataStore store, FaultInjector faults) {
    this.store = store;
    this.faults = faults;
  }

  /** What one list has owed since its last answer: fractions carried over, requests counted. */
  private static final class Rates {
    private double inserts;
    private double deletes;
    private long requests;
    private long lastNanos = System.nanoTime();

    /** This answer's {inserts, deletes}. */
    synchronized int[] next(Faults f) {
      Churn c = f.churn();
      long now = System.nanoTime();
      double seconds = (now - lastNanos) / 1e9;
      lastNanos = now;
      requests++;
      inserts += c.insertsPerRequest() + c.insertsPerSecond() * seconds;
      deletes += c.deletesPerRequest() + c.deletesPerSecond() * seconds;
      int in = (int) inserts;
      int out = (int) deletes;
      inserts -= in;
      deletes -= out;
      if (c.burstEvery() > 0 && requests % c.burstEvery() == 0) {
        in += c.burstInserts();
        out += c.burstDeletes();
      }
      return new int[] {in + f.insertsPerListRequest(), out + f.deletesPerListRequest()};
    }
  }

  void customers() {
    int[] change = customerRates.next(faults.faults());
    int inserts = change[0];
    int deletes = change[1];
    if (inserts == 0 && deletes == 0) {
      return;
    }
    store.write(
        () -> {
          for (int i = 0; i < deletes && !store.customers.isEmpty(); i++) {
            store.deleteCustomer(store.customers.get(faults.nextInt(store.customers.size())));
          }
          for (int i = 0; i < inserts; i++) {
            long n = sequence.incrementAndGet();
            CustomerRecord c = new CustomerRecord(UUID.randomUUID(), store.now());
            c.fullName = "Churn " + n;
            c.email = "churn-" + n + "-" + c.slug() + "@example.com";
            store.addCustomer(c);
          }
          return null;
        });
  }

  void activities() {
    int[] change = activityRates.next(faults.faults());
    int inserts = change[0];
    int deletes = change[1];
    if (inserts == 0 && deletes == 0) {
      return;
    }
    store.write(
        () -> {
          for (int i = 0; i < deletes && !store.activities.isEmpty(); i++) {
            store.deleteActivity(store.activities.get(faults.nextInt(store.activities.size())));
          }
          List<CustomerRecord> customers = store.customers;
          if (customers.isEmpty()) {
            return null;
          }
          List<ActionTypeRecord> types = List.copyOf(store.actionTypes.values());
          for (int i = 0; i < inserts; i++) {
            long n = sequence.incrementAndGet();
            ActionTypeRecord type = types.get(faults.nextInt(types.size()));
            store.addActivity(
                new ActivityRecord(
                    "churn-" + n + "-" + UUID.randomUUID(),
                    type,
                    customers.get(faults.nextInt(customers.size())),
                    type.defaultOperationType,
                    type.title,
                    store.now(),
                    null,
                    null,
                    store.now()));
          }
          return null;
        });
  }
}
