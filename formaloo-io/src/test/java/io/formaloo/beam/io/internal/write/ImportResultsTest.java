package io.formaloo.beam.io.internal.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formaloo.beam.io.model.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an imported job's answer is read, shape by shape: which rows it names failed, and whether it
 * accounts for all the others. Anything it does not confirm must be confirmed another way.
 */
class ImportResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Four rows: 0 and 1 by e-mail, 2 by phone only, 3 by e-mail and phone. */
  private static final List<Customer> ROWS =
      List.of(
          Customer.builder().setEmail("a@example.com").build(),
          Customer.builder().setEmail("b@example.com").build(),
          Customer.builder().setPhoneNumber("+3100").build(),
          Customer.builder().setEmail("d@example.com").setPhoneNumber("+3144").build());

  private static RowAccount account(String json) throws Exception {
    return ImportResults.parse(JSON.readTree(json)).account(ROWS);
  }

  private static ImportResults.Shape shape(String json) throws Exception {
    JsonNode node = json == null ? null : JSON.readTree(json);
    return ImportResults.parse(node).shape();
  }

  @Test
  void rowIndexedFailuresWithCountsThatAddUpAccountForEveryRow() throws Exception {
    RowAccount a =
        account(
            "{\"total\":4,\"new\":3,\"existing\":0,\"failed\":1,"
                + "\"failed_rows\":[{\"row\":1,\"data\":{\"email\":\"b@example.com\"},"
                + "\"errors\":{\"email\":[\"refused\"]}}]}");

    assertThat(a.accountsForEveryRow(), is(true));
    assertThat(a.failedCount(), is(1));
    assertThat(a.errorsOf(1).get("email").get(0).asText(), is("refused"));
    assertThat(a.created(), is(true));
  }

  @Test
  void aFailureCountAboveTheRowsNamedLeavesTheOthersUnconfirmed() throws Exception {
    RowAccount a =
        account(
            "{\"total\":4,\"new\":1,\"existing\":0,\"failed\":3,"
                + "\"failed_rows\":[{\"row\":1,\"errors\":{\"email\":[\"refused\"]}}]}");

    assertThat(a.accountsForEveryRow(), is(false));
    assertThat(a.errorsOf(1), is(notNullValue()));
    assertThat(a.gaps(), containsString("it counts 3 failed rows and names 1"));
  }

  @Test
  void anIndexWhoseEchoedRowIsAnotherRowIsNotTrusted() throws Exception {
    // Counted from 1: row 2 is b@example.com's index + 1.
    RowAccount a =
        account(
            "{\"total\":4,\"new\":3,\"existing\":0,\"failed\":1,"
                + "\"failed_rows\":[{\"row\":2,\"data\":{\"email\":\"b@example.com\"},"
                + "\"errors\":{}}]}");

    assertThat(a.errorsOf(2), is(nullValue()));
    assertThat(a.errorsOf(1), is(nullValue()));
    assertThat(a.accountsForEveryRow(), is(false));
  }

  @Test
  void failuresKeyedByEmailOrPhoneMapToTheirRows() throws Exception {
    RowAccount a =
        account(
            "{\"customers_count\":4,\"new_customers\":1,\"existing_customers\":1,"
                + "\"failed_customers\":2,\"errors\":{\"B@Example.com\":{\"email\":[\"no\"]},"
                + "\"+3100\":{\"phone_number\":[\"no\"]}}}");

    assertThat(a.accountsForEveryRow(), is(true));
    assertThat(a.errorsOf(1), is(notNullValue()));
    assertThat(a.errorsOf(2), is(notNullValue()));
    assertThat(a.created(), is(nullValue()));
  }

  @Test
  void anArrayOfFailuresNamedByPhoneMapsToTheirRows() throws Exception {
    RowAccount a =
        account(
            "{\"failed_customers\":1,\"new_customers\":3,\"existing_customers\":0,"
                + "\"failures\":[{\"phone_number\":\"+3144\",\"error\":\"refused\"}]}");

    assertThat(a.accountsForEveryRow(), is(true));
    assertThat(a.errorsOf(3).asText(), is("refused"));
  }

  @Test
  void aFailureThatNamesTwoRowsSentIsNotPinnedOnEither() throws Exception {
    List<Customer> twins =
        List.of(
            Customer.builder().setEmail("twin@example.com").setFullName("one").build(),
            Customer.builder().setEmail("twin@example.com").setFullName("two").build());
    RowAccount a =
        ImportResults.parse(
                JSON.readTree(
                    "{\"customers_count\":2,\"new_customers\":1,\"existing_customers\":0,"
                        + "\"failed_customers\":1,\"errors\":{\"twin@example.com\":{}}}"))
            .account(twins);

    assertThat(a.failedCount(), is(0));
    assertThat(a.accountsForEveryRow(), is(false));
  }

  @Test
  void countsOnlyWithNoFailureAccountForEveryRow() throws Exception {
    RowAccount a =
        account(
            "{\"customers_count\":4,\"new_customers\":2,\"existing_customers\":2,"
                + "\"failed_customers\":0}");

    assertThat(a.accountsForEveryRow(), is(true));
    assertThat(a.failedCount(), is(0));
  }

  @Test
  void countsOnlyWithFailuresNameNoRowAndConfirmNone() throws Exception {
    RowAccount a =
        account(
            "{\"customers_count\":4,\"new_customers\":3,\"existing_customers\":0,"
                + "\"failed_customers\":1}");

    assertThat(a.accountsForEveryRow(), is(false));
    assertThat(a.failedCount(), is(0));
    assertThat(a.gaps(), containsString("it counts 1 failed rows without saying which"));
  }

  @Test
  void countsThatDoNotAddUpToTheRowsSentConfirmNone() throws Exception {
    assertThat(
        account("{\"total\":5,\"new\":4,\"existing\":0,\"failed\":0,\"failed_rows\":[]}")
            .accountsForEveryRow(),
        is(false));
    assertThat(
        account("{\"total\":4,\"new\":3,\"existing\":0,\"failed\":0,\"failed_rows\":[]}")
            .accountsForEveryRow(),
        is(false));
  }

  @Test
  void aListOfFailedRowsWithoutAnyCountConfirmsNoOtherRow() throws Exception {
    RowAccount a = account("{\"failed_rows\":[{\"row\":0,\"errors\":{}}]}");

    assertThat(a.errorsOf(0), is(notNullValue()));
    assertThat(a.accountsForEveryRow(), is(false));
  }

  @Test
  void anEmptyOrUnrecognisedAnswerConfirmsNoRow() throws Exception {
    assertThat(account("{}").accountsForEveryRow(), is(false));
    assertThat(account("{\"message\":\"3 of 4 imported\"}").accountsForEveryRow(), is(false));
    assertThat(ImportResults.parse(null).account(ROWS).accountsForEveryRow(), is(false));
  }

  @Test
  void eachShapeIsNamed() throws Exception {
    assertThat(
        shape("{\"failed\":1,\"failed_rows\":[{\"row\":0}]}"),
        is(ImportResults.Shape.ROWS_BY_INDEX));
    assertThat(
        shape("{\"errors\":{\"a@example.com\":{}}}"), is(ImportResults.Shape.ROWS_BY_IDENTITY));
    assertThat(shape("{\"total\":1,\"failed\":[]}"), is(ImportResults.Shape.NO_FAILED_ROWS_LISTED));
    assertThat(shape("{\"customers_count\":1}"), is(ImportResults.Shape.COUNTS_ONLY));
    assertThat(shape("{}"), is(ImportResults.Shape.EMPTY));
    assertThat(shape(null), is(ImportResults.Shape.EMPTY));
    assertThat(shape("{\"message\":\"done\"}"), is(ImportResults.Shape.UNRECOGNISED));
  }
}
