package io.formaloo.beam.io.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRecordsTest {

  static List<Object> fullSamples() {
    return Samples.full();
  }

  @Test
  void toBuilderChangesOneFieldAndKeepsTheRest() {
    Customer customer = Samples.customer();

    Customer renamed = customer.toBuilder().setFullName("Ada King").build();

    assertThat(renamed.getFullName(), is("Ada King"));
    assertThat(renamed.getEmail(), is(customer.getEmail()));
    assertThat(renamed, not(equalTo(customer)));
  }

  @Test
  void aRecordDoesNotChangeWhenTheListItWasBuiltFromDoes() {
    List<Tag> tags = new ArrayList<>(List.of(Samples.tag()));

    Customer customer = Customer.builder().setTags(tags).build();
    tags.add(Tag.builder().setSlug("late").build());

    assertThat(customer.getTags(), contains(Samples.tag()));
    assertThrows(UnsupportedOperationException.class, () -> customer.getTags().clear());
  }

  @Test
  void aPagesRecordsAreUnmodifiable() {
    Page<Tag> page =
        Page.<Tag>builder()
            .setListKey("tags")
            .setRecords(new ArrayList<>(List.of(Samples.tag())))
            .build();

    assertThrows(UnsupportedOperationException.class, () -> page.getRecords().clear());
  }

  @Test
  void requiredFieldsAreEnforcedByTheBuilders() {
    assertThrows(IllegalStateException.class, () -> Activity.builder().build());
    assertThrows(IllegalStateException.class, () -> Currency.builder().build());
  }

  @Test
  void freeFormAccessorsParseTheirText() {
    ActionType actionType = Samples.actionType();

    assertThat(
        actionType.activityTextTemplate().get("en").textValue(),
        is("Order {order_code} was created."));
    assertThat(Samples.actionTypeGroup().defaultTextTemplate().get("fa").isNull(), is(true));
    assertThat(
        Samples.customerBatchImport().customersData().get(0).get("email").textValue(),
        is("ada@example.com"));
    assertThat(Customer.builder().build().customerData(), is(nullValue()));
  }

  @Test
  void terminalStatusesAreImportedFailedAndCanceled() {
    List<CustomerBatchImport.Status> terminal = new ArrayList<>();
    for (CustomerBatchImport.Status status : CustomerBatchImport.Status.values()) {
      if (status.isTerminal()) {
        terminal.add(status);
      }
    }

    assertThat(
        terminal,
        contains(
            CustomerBatchImport.Status.IMPORTED,
            CustomerBatchImport.Status.FAILED,
            CustomerBatchImport.Status.CANCELED));
  }

  @ParameterizedTest
  @MethodSource("fullSamples")
  void everyRecordIsJavaSerializable(Object sample) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject((Serializable) sample);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject(), equalTo(sample));
    }
  }
}
