package io.formaloo.beam.pipelines.report;

import java.io.Serializable;
import java.util.List;

/**
 * Everything the analytics report shows: small aggregates, gathered in one place to be written as
 * CSV and drawn as HTML.
 *
 * @param source where the data came from, for the report's header
 * @param window the activities' days, or null for all of them
 * @param generatedAt when the report was made (ISO-8601)
 * @param customers how many customers
 * @param activities how many activities
 * @param daily activities per day per action type, in any order
 * @param bands customers per score band, in any order
 * @param top the customers with the most activities, most first
 */
public record ReportData(
    String source,
    String window,
    String generatedAt,
    long customers,
    long activities,
    List<DailyCount> daily,
    List<ScoreBand> bands,
    List<CustomerActivity> top)
    implements Serializable {

  /**
   * Activities of one action type on one day (UTC).
   *
   * @param day {@code YYYY-MM-DD}
   * @param actionType the action type's title (else its slug)
   * @param activities how many
   */
  public record DailyCount(String day, String actionType, long activities)
      implements Serializable {}

  /**
   * Customers whose score is in {@code [from, to]}; {@code index} -1 holds those without a score.
   *
   * @param index the band's position, {@code score / width}
   * @param from the lowest score of the band
   * @param to the highest score of the band
   * @param customers how many
   */
  public record ScoreBand(int index, int from, int to, long customers) implements Serializable {
    /** The band as a person reads it: {@code 100–199}, or {@code no score}. */
    String label() {
      return index < 0 ? "no score" : from + "–" + to;
    }
  }

  /**
   * A customer and how many activities they have.
   *
   * @param customer the customer's code (else email, else phone number)
   * @param fullName their name, if known
   * @param email their email, if known
   * @param activities how many activities
   */
  public record CustomerActivity(String customer, String fullName, String email, long activities)
      implements Serializable {
    /** The customer as a person reads it: name, else email, else the code. */
    String label() {
      if (fullName != null && !fullName.isBlank()) {
        return fullName;
      }
      return email != null && !email.isBlank() ? email : customer;
    }
  }
}
