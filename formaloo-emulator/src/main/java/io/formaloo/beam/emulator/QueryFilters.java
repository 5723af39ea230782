package io.formaloo.beam.emulator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query parameters and the matching that the list endpoints share, so that {@code search},
 * {@code operation_type} and the dates mean the same on every list that takes them.
 */
final class QueryFilters {
  private QueryFilters() {}

  /**
   * The records newest first (the store keeps them oldest first), those that {@code keep}; all of
   * them when it is null, as a view so that an unfiltered page does not copy the whole list.
   */
  static <T> List<T> newestFirst(List<T> all, Predicate<T> keep) {
    if (keep == null) {
      int n = all.size();
      return new AbstractList<T>() {
        @Override
        public T get(int i) {
          return all.get(n - 1 - i);
        }

        @Override
        public int size() {
          return n;
        }
      };
    }
    List<T> hits = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      T item = all.get(i);
      if (keep.test(item)) {
        hits.add(item);
      }
    }
    return hits;
  }

  /** The records of a keyed list, in its order, that {@code keep}; all of them when it is null. */
  static <T> List<T> kept(Collection<T> all, Predicate<T> keep) {
    List<T> hits = new ArrayList<>();
    for (T item : all) {
      if (keep == null || keep.test(item)) {
        hits.add(item);
      }
    }
    return hits;
  }

  static boolean matches(CustomerRecord c, String search) {
    return contains(search, c.fullName, c.email, c.phoneNumber, c.code());
  }

  static boolean matches(ActivityRecord a, String search) {
    return contains(
        search, a.slug, a.description, a.action.title, a.customer.email, a.customer.fullName);
  }

  /** Whether any of the fields holds {@code needle}, which is already lower case. */
  static boolean contains(String needle, String... haystacks) {
    for (String h : haystacks) {
      if (h != null && h.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** A comma list of operation types, each checked, as Django's choice filter does; else null. */
  static Set<String> operationTypes(ApiRequest req, String param) {
    Set<String> values = commaList(req.param(param));
    if (values != null) {
      for (String v : values) {
        if (!Bodies.OPERATION_TYPES.contains(v)) {
          throw FieldErrors.single(
              param, "Select a valid choice. " + v + " is not one of the available choices.");
        }
      }
    }
    return values;
  }

  static Set<String> commaList(String raw) {
    if (raw == null) {
      return null;
    }
    Set<String> values = new HashSet<>();
    for (String v : Arrays.asList(raw.split(","))) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return values.isEmpty() ? null : values;
  }

  /** The date a parameter names, or null; a bad one is added to {@code errors}, not thrown. */
  static LocalDate date(ApiRequest req, String param, FieldErrors errors) {
    String raw = req.param(param);
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      errors.add(param, "Enter a valid date.");
      return null;
    }
  }

  /** The {@code search} parameter, lower case so that searching ignores case; else null. */
  static String search(ApiRequest req) {
    String s = req.param("search");
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
