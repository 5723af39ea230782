package io.formaloo.beam.io.model;

import java.util.List;
import org.joda.time.Instant;

/** One fully populated and one minimal instance of every model class. */
final class Samples {
  static final Instant CREATED = Instant.parse("2019-08-24T14:15:22Z");
  static final Instant UPDATED = Instant.parse("2019-08-25T09:00:01.250Z");

  private Samples() {}

  static Tag tag() {
    return Tag.builder().setTitle("VIP").setDescription("big spenders").setSlug("vip").build();
  }

  static Currency currency() {
    return Currency.builder().setTitle("US Dollar").setIsoCode("USD").build();
  }

  static Business business() {
    return Business.builder().setTitle("Acme").setDescription("shop").setSlug("acme").build();
  }

  static Integration integration() {
    return Integration.builder()
        .setTitle("Shopify")
        .setDescription("store sync")
        .setSlug("shopify")
        .setWebsite("https://example.com")
        .build();
  }

  static ActionTypeGroup actionTypeGroup() {
    return ActionTypeGroup.builder()
        .setTitle("Orders")
        .setDescription("order events")
        .setDefaultTextTemplateJson("{\"en\":\"Order {order_code}\",\"fa\":null}")
        .setSlug("orders")
        .build();
  }

  static ActionType actionType() {
    return ActionType.builder()
        .setTitle("Order created")
        .setDescription("a new order")
        .setIntegration(integration())
        .setTags(List.of(tag()))
        .setSlug("order-created")
        .setIsOwned(true)
        .setCreatedAt(CREATED)
        .setUpdatedAt(UPDATED)
        .setDefaultOperationType(OperationType.CREATE)
        .setActivityTextTemplateJson("{\"en\":\"Order {order_code} was created.\"}")
        .setActionScore(-2147483648)
        .setGroup(actionTypeGroup())
        .build();
  }

  static ActivityAction activityAction() {
    return ActivityAction.builder()
        .setTitle("Order created")
        .setDescription("a new order")
        .setSlug("order-created")
        .build();
  }

  static ActivityCustomer activityCustomer() {
    return ActivityCustomer.builder()
        .setFullName("Ada Lovelace")
        .setEmail("ada@example.com")
        .setPhoneNumber("+441234567890")
        .setCode("f5d62b05-370e-48be-a755-8675ca146431")
        .setSlug("ada")
        .setCreatedAt(CREATED)
        .setUpdatedAt(UPDATED)
        .setScore(42)
        .setLevel(3)
        .build();
  }

  static Activity activity() {
    return Activity.builder()
        .setAction(activityAction())
        .setOperationType(OperationType.UPDATE)
        .setDescription("Order 17 was created.")
        .setCurrency(currency())
        .setMonetaryValue("12.50")
        .setActivityDate(CREATED)
        .setCustomer(activityCustomer())
        .setCreatedAt(CREATED)
        .setUpdatedAt(UPDATED)
        .setSlug("order-17")
        .build();
  }

  static Customer customer() {
    return Customer.builder()
        .setCode("f5d62b05-370e-48be-a755-8675ca146431")
        .setCustomerDataJson("{\"plan\":\"gold\",\"visits\":3,\"ratio\":0.50,\"notes\":null}")
        .setFullName("Ada Lovelace")
        .setEmail("ada@example.com")
        .setPhoneNumber("+441234567890")
        .setTags(List.of(tag(), Tag.builder().setSlug("early").build()))
        .setScore(7)
        .setCreatedAt(CREATED)
        .setUpdatedAt(UPDATED)
        .build();
  }

  static CustomerBatchImport customerBatchImport() {
    return CustomerBatchImport.builder()
        .setStatus(CustomerBatchImport.Status.IMPORTED)
        .setFile("https://example.com/customers.xlsx")
        .setCustomersDataJson("[{\"email\":\"ada@example.com\"}]")
        .setFileType(CustomerBatchImport.FileType.JSON)
        .setSlug("job-1")
        .setCreatedAt(CREATED)
        .setImportedAt(UPDATED)
        .setImportResultsJson("{\"total\":1,\"new\":1,\"existing\":0,\"failed\":[]}")
        .build();
  }

  /** A fully populated instance of every model class, in {@link ModelJson#modelClasses()}. */
  static List<Object> full() {
    return List.of(
        customer(),
        tag(),
        activity(),
        activityAction(),
        activityCustomer(),
        currency(),
        actionType(),
        actionTypeGroup(),
        integration(),
        business(),
        customerBatchImport());
  }

  /** An instance of every model class with only its required fields set. */
  static List<Object> minimal() {
    return List.of(
        Customer.builder().build(),
        Tag.builder().build(),
        Activity.builder().setAction(ActivityAction.builder().build()).build(),
        ActivityAction.builder().build(),
        ActivityCustomer.builder().build(),
        Currency.of("EUR"),
        ActionType.builder().build(),
        ActionTypeGroup.builder().build(),
        Integration.builder().build(),
        Business.builder().build(),
        CustomerBatchImport.builder().build());
  }
}
