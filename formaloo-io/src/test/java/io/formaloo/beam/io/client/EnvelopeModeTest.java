package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Business;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.Page;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API that wraps every answer, token answers included, as {"status", "errors", "data"}. */
class EnvelopeModeTest {
  private FormalooEmulator emulator;
  private FormalooClient client;

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder()
                .seedCustomers(25)
                .faults(Faults.builder().envelope(true).build())
                .build());
    client = client(configFor(emulator).build(), new VirtualTime());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    emulator.close();
  }

  @Test
  void pageIsReadFromInsideTheEnvelope() {
    Page<Customer> page = client.listCustomers(1);
    assertThat(page.getCount(), is(25L));
    assertThat(page.getRecords(), hasSize(10));
  }

  @Test
  void jsonPageIsReadFromInsideTheEnvelope() {
    Page<JsonNode> page = client.listPageJson(ListEndpoint.CUSTOMERS, Map.of(), 1, null);
    assertThat(page.getPageCount(), is(3));
    assertThat(page.getRecords().get(0).has("code"), is(true));
  }

  @Test
  void recordIsReadFromInsideTheEnvelope() {
    Customer created =
        client.createCustomer(Customer.builder().setEmail("env@example.com").build());
    assertThat(client.getCustomer(created.getCode()).getEmail(), is("env@example.com"));
    assertThat(
        client.getJson("/customers/" + created.getCode() + "/", Map.of()).path("email").asText(),
        is("env@example.com"));
  }

  @Test
  void plainArrayIsReadFromInsideTheEnvelope() {
    assertThat(
        client.listBusinesses().stream().map(Business::getSlug).collect(Collectors.toList()),
        hasItem(emulator.business()));
  }

  @Test
  void fieldErrorsAreReadFromInsideTheEnvelope() {
    FormalooException e =
        assertThrows(
            FormalooException.class,
            () -> client.createCustomer(Customer.builder().setEmail("not-an-email").build()));
    assertThat(e.kind(), is(ErrorKind.RECORD));
    assertThat(e.fieldErrors().get("email"), hasItem("Enter a valid email address."));
  }

  @Test
  void pagePastTheEndIsStillAnEmptyPage() {
    assertThat(client.listCustomers(9).getRecords(), is(empty()));
  }

  @Test
  void expiredTokenIsStillRenewed() {
    client.listCustomers(1);
    emulator.expireAllTokens();
    assertThat(client.listCustomers(1).getCount(), is(25L));
  }
}
