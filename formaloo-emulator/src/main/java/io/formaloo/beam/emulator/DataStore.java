package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The business's data, in memory. One read-write lock guards it all: lists read under the read
 * lock, writes take the write lock, so a page is always a consistent slice.
 *
 * <p>Lists keep insertion order and are served newest first (as the service's lists are), so an
 * insert while a list is read shifts the older records towards later pages.
 */
final class DataStore {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;

  final List<CustomerRecord> customers = new ArrayList<>();
  private final Map<UUID, CustomerRecord> customersByCode = new HashMap<>();
  private final Map<String, CustomerRecord> customersBySlug = new HashMap<>();
  private final Map<String, CustomerRecord> customersByEmail = new HashMap<>();
  private final Map<String, CustomerRecord> customersByPhone = new HashMap<>();

  final List<ActivityRecord> activities = new ArrayList<>();
  private final Map<String, ActivityRecord> activitiesBySlug = new HashMap<>();
  private final Map<CustomerRecord, List<ActivityRecord>> activitiesByCustomer = new HashMap<>();

  final Map<String, ActionTypeRecord> actionTypes = new LinkedHashMap<>();
  final Map<String, ActionTypeGroupRecord> actionTypeGroups = new LinkedHashMap<>();
  final Map<String, TagRecord> tags = new LinkedHashMap<>();
  final Map<String, CurrencyRecord> currencies = new LinkedHashMap<>();

  DataStore(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- customers ---------------------------------------------------------------------------

  /** The outcome of an upsert: the customer and whether it was created (201) or updated (200). */
  static final class Upsert {
    final CustomerRecord customer;
    final boolean created;

    Upsert(CustomerRecord customer, boolean created) {
      this.customer = customer;
      this.created = created;
    }
  }

  /** Creates a customer, or updates the one with the same email (else phone). Write lock held. */
  Upsert upsertCustomer(CustomerInput in) {
    CustomerRecord existing = findByIdentity(in.email, in.phoneNumber);
    if (existing != null) {
      apply(existing, in);
      return new Upsert(existing, false);
    }
    CustomerRecord created = new CustomerRecord(UUID.randomUUID(), now());
    apply(created, in);
    addCustomer(created);
    return new Upsert(created, true);
  }

  CustomerRecord findByIdentity(String email, String phone) {
    if (email != null && !email.isBlank()) {
      CustomerRecord byEmail = customersByEmail.get(email.toLowerCase(Locale.ROOT));
      if (byEmail != null) {
        return byEmail;
      }
    }
    if (phone != null && !phone.isBlank()) {
      return customersByPhone.get(phone);
    }
    return null;
  }

  /** Applies the fields a body sent; a new email or phone must not belong to another customer. */
  void apply(CustomerRecord c, CustomerInput in) {
    FieldErrors conflicts = new FieldErrors();
    if (in.hasEmail && in.email != null) {
      CustomerRecord owner = customersByEmail.get(in.email.toLowerCase(Locale.ROOT));
      if (owner != null && owner != c) {
        conflicts.add("email", "customer with this email already exists.");
      }
    }
    if (in.hasPhoneNumber && in.phoneNumber != null) {
      CustomerRecord owner = customersByPhone.get(in.phoneNumber);
      if (owner != null && owner != c) {
        conflicts.add("phone_number", "customer with this phone number already exists.");
      }
    }
    List<TagRecord> resolvedTags = in.hasTags ? resolveTags(in.tags, conflicts) : null;
    conflicts.throwIfAny();

    unindexIdentity(c);
    if (in.hasFullName) {
      c.fullName = in.fullName;
    }
    if (in.hasEmail) {
      c.email = in.email;
    }
    if (in.hasPhoneNumber) {
      c.phoneNumber = in.phoneNumber;
    }
    if (in.hasCustomerData) {
      c.customerData = in.customerData;
    }
    if (in.hasScore) {
      c.score = in.score;
    }
    if (resolvedTags != null) {
      c.tags = resolvedTags.isEmpty() ? null : resolvedTags;
    }
    c.updatedAt = now();
    indexIdentity(c);
  }

  private List<TagRecord> resolveTags(List<JsonNode> refs, FieldErrors errors) {
    List<TagRecord> resolved = new ArrayList<>();
    for (JsonNode ref : refs) {
      String slug = ref.isTextual() ? ref.asText() : Bodies.textOf(ref, "slug");
      String title = ref.isObject() ? Bodies.textOf(ref, "title") : null;
      TagRecord tag = slug == null ? null : tags.get(slug);
      if (tag == null && title != null) {
        tag = tagByTitle(title);
        if (tag == null) {
          String description = ref.isObject() ? Bodies.textOf(ref, "description") : null;
          tag = new TagRecord(uniqueSlug(slugify(title), tags), title, description);
          tags.put(tag.slug, tag);
        }
      }
      if (tag == null) {
        errors.add("tags", "Tag with slug \"" + slug + "\" does not exist.");
      } else if (!resolved.contains(tag)) {
        resolved.add(tag);
      }
    }
    return resolved;
  }

  private TagRecord tagByTitle(String title) {
    for (TagRecord tag : tags.values()) {
      if (tag.title.equalsIgnoreCase(title)) {
        return tag;
      }
    }
    return null;
  }

  void addCustomer(CustomerRecord c) {
    customers.add(c);
    customersByCode.put(c.code, c);
    customersBySlug.put(c.slug(), c);
    indexIdentity(c);
  }

  private void indexIdentity(CustomerRecord c) {
    if (c.email != null) {
      customersByEmail.put(c.email.toLowerCase(Locale.ROOT), c);
    }
    if (c.phoneNumber != null) {
      customersByPhone.put(c.phoneNumber, c);
    }
  }

  private void unindexIdentity(CustomerRecord c) {
    if (c.email != null) {
      customersByEmail.remove(c.email.toLowerCase(Locale.ROOT), c);
    }
    if (c.phoneNumber != null) {
      customersByPhone.remove(c.phoneNumber, c);
    }
  }

  /** A customer by its code or its slug, as the paths accept either. */
  CustomerRecord customer(String codeOrSlug) {
    try {
      CustomerRecord byCode = customersByCode.get(UUID.fromString(codeOrSlug));
      if (byCode != null) {
        return byCode;
      }
    } catch (IllegalArgumentException notAUuid) {
      // a slug, then
    }
    return customersBySlug.get(codeOrSlug);
  }

  CustomerRecord customerByEmail(String email) {
    return customersByEmail.get(email.toLowerCase(Locale.ROOT));
  }

  /** Deletes a customer and, as the service's foreign keys cascade, its activities. */
  void deleteCustomer(CustomerRecord c) {
    customers.remove(c);
    customersByCode.remove(c.code);
    customersBySlug.remove(c.slug());
    unindexIdentity(c);
    List<ActivityRecord> own = activitiesByCustomer.remove(c);
    if (own != null) {
      for (ActivityRecord a : own) {
        activitiesBySlug.remove(a.slug);
      }
      activities.removeIf(new java.util.HashSet<>(own)::contains);
    }
  }

  // ---- activities --------------------------------------------------------------------------

  void addActivity(ActivityRecord a) {
    activities.add(a);
    activitiesBySlug.put(a.slug, a);
    activitiesByCustomer.computeIfAbsent(a.customer, k -> new ArrayList<>(4)).add(a);
  }

  void deleteActivity(ActivityRecord a) {
    activities.remove(a);
    activitiesBySlug.remove(a.slug);
    List<ActivityRecord> own = activitiesByCustomer.get(a.customer);
    if (own != null) {
      own.remove(a);
    }
  }

  ActivityRecord activity(String slug) {
    return activitiesBySlug.get(slug);
  }

  List<ActivityRecord> activitiesOf(CustomerRecord c) {
    return activitiesByCustomer.getOrDefault(c, Collections.emptyList());
  }

  /** Creates an activity: its action type by slug (or by title, created when new), its customer. */
  ActivityRecord createActivity(ActivityInput in) {
    FieldErrors errors = new FieldErrors();
    if (in.slug != null && activitiesBySlug.containsKey(in.slug)) {
      errors.add("slug", "activity with this slug already exists.");
    }
    ActionTypeRecord action = null;
    if (in.actionSlug != null) {
      action = actionTypes.get(in.actionSlug);
      if (action == null && in.actionTitle == null) {
        errors.nest(
            "action",
            new FieldErrors()
                .add("slug", "Action type with slug \"" + in.actionSlug + "\" does not exist."));
      }
    }
    CustomerRecord customer = null;
    if (in.customerCode != null) {
      customer = customer(in.customerCode);
      if (customer == null) {
        errors.nest(
            "customer",
            new FieldErrors()
                .add("code", "Customer with code \"" + in.customerCode + "\" does not exist."));
      }
    }
    CurrencyRecord currency = null;
    if (in.currency != null) {
      currency = currencies.get(in.currency.toUpperCase(Locale.ROOT));
      if (currency == null) {
        errors.add("currency", "Currency \"" + in.currency + "\" does not exist.");
      }
    }
    errors.throwIfAny();

    if (action == null) {
      action = actionTypeByTitle(in.actionTitle);
      if (action == null) {
        action =
            new ActionTypeRecord(uniqueSlug(slugify(in.actionTitle), actionTypes), true, now());
        action.title = in.actionTitle;
        action.description = in.actionDescription;
        action.defaultOperationType = "undefined";
        actionTypes.put(action.slug, action);
      }
    }
    if (customer == null) {
      customer = findByIdentity(in.customerEmail, in.customerPhone);
      if (customer == null) {
        CustomerInput created = new CustomerInput();
        created.hasEmail = in.customerEmail != null;
        created.email = in.customerEmail;
        created.hasPhoneNumber = in.customerPhone != null;
        created.phoneNumber = in.customerPhone;
        created.hasFullName = in.customerFullName != null;
        created.fullName = in.customerFullName;
        customer = upsertCustomer(created).customer;
      }
    }
    Instant now = now();
    String slug = in.slug != null ? in.slug : UUID.randomUUID().toString().replace("-", "");
    String operation = in.operationType != null ? in.operationType : action.defaultOperationType;
    String description = in.description != null ? in.description : action.title;
    ActivityRecord activity =
        new ActivityRecord(
            slug,
            action,
            customer,
            operation,
            description,
            in.activityDate != null ? in.activityDate : now,
            in.monetaryValue,
            currency,
            now);
    addActivity(activity);
    return activity;
  }

  ActionTypeRecord actionTypeByTitle(String title) {
    if (title == null) {
      return null;
    }
    for (ActionTypeRecord type : actionTypes.values()) {
      if (title.equalsIgnoreCase(type.title)) {
        return type;
      }
    }
    return null;
  }

  // ---- helpers -----------------------------------------------------------------------------

  static String slugify(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (slug.isEmpty()) {
      slug = Integer.toHexString(title.getBytes(StandardCharsets.UTF_8).length);
    }
    return slug.length() > 50 ? slug.substring(0, 50) : slug;
  }

  static String uniqueSlug(String base, Map<String, ?> taken) {
    String slug = base;
    for (int i = 2; taken.containsKey(slug); i++) {
      slug = base + "-" + i;
    }
    return slug;
  }
}
