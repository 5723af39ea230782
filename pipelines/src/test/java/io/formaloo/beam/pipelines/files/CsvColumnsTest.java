package io.formaloo.beam.pipelines.files;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {
  @Test
  void nestedFieldsAreNamedByTheirPath() {
    assertThat(
        CsvColumns.forType(Activity.class)
            .toJson(
                List.of("action", "customer.email", "monetary_value", "description"),
                List.of("purchase", "a@example.org", "12.50", ""))
            .toString(),
        is(
            "{\"action\":{\"slug\":\"purchase\"},\"customer\":{\"email\":\"a@example.org\"},"
                + "\"monetary_value\":\"12.50\"}"));
  }

  @Test
  void scoresAreNumbersTagsAListAndCustomerDataJson() {
    assertThat(
        CsvColumns.forType(Customer.class)
            .toJson(
                List.of("email", "score", "tags", "customer_data"),
                List.of("a@example.org", "42", "vip; beta", "{\"plan\": \"pro\"}"))
            .toString(),
        is(
            "{\"email\":\"a@example.org\",\"score\":42,"
                + "\"tags\":[{\"slug\":\"vip\"},{\"slug\":\"beta\"}],\"customer_data\":{\"plan\":\"pro\"}}"));
  }

  @Test
  void aCellOfTheWrongKindIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CsvColumns.forType(Customer.class)
                    .toJson(List.of("email", "score"), List.of("a@example.org", "lots")));

    assertThat(e.getMessage(), containsString("column score: not an integer"));
  }

  @Test
  void aRowOfAnotherWidthThanTheHeaderIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CsvColumns.forType(Customer.class)
                    .toJson(List.of("email", "score"), List.of("a@example.org")));

    assertThat(e.getMessage(), containsString("the row has 1 fields, the header 2"));
  }
}
