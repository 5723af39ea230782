package io.formaloo.beam.emulator;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "data changes while you read it" fault: before a list of customers or activities is answered,
 * inserts and deletes records, so pages shift under a reader as they do on the live service.
 */
final class ListChurn {
  private final DataStore store;
  private final FaultInjector faults;
  private final AtomicLong sequence = new AtomicLong();

  ListChurn(DataStore store, FaultInjector faults) {
    this.store = store;
    this.faults = faults;
  }

  void customers() {
    int inserts = faults.faults().insertsPerListRequest();
    int deletes = faults.faults().deletesPerListRequest();
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
    int inserts = faults.faults().insertsPerListRequest();
    int deletes = faults.faults().deletesPerListRequest();
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
