package io.formaloo.beam.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders the store's records in the reference's answer shapes, field names as documented. */
final class Views {
  private Views() {}

  /** {@code CreateCustomer}: what the customers endpoints answer. */
  static ObjectNode customer(CustomerRecord c) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("code", c.code());
    node.set(
        "customer_data",
        c.customerData == null ? Json.MAPPER.createObjectNode() : c.customerData.deepCopy());
    node.put("full_name", c.fullName);
    node.put("email", c.email);
    node.put("phone_number", c.phoneNumber);
    ArrayNode tags = node.putArray("tags");
    if (c.tags != null) {
      for (TagRecord tag : c.tags) {
        tags.add(tag(tag));
      }
    }
    node.put("score", c.score);
    node.put("created_at", c.malformed ? "not a timestamp" : Json.timestamp(c.createdAt));
    node.put("updated_at", Json.timestamp(c.updatedAt));
    return node;
  }

  /** {@code ShortCustomer}: a customer inside an activity. */
  static ObjectNode shortCustomer(CustomerRecord c) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("full_name", c.fullName);
    node.put("email", c.email);
    node.put("phone_number", c.phoneNumber);
    node.put("code", c.code());
    node.put("slug", c.slug());
    node.put("created_at", Json.timestamp(c.createdAt));
    node.put("updated_at", Json.timestamp(c.updatedAt));
    node.put("score", c.score);
    node.put("level", c.level());
    return node;
  }

  /** {@code ActivityList}: an activity with its customer. */
  static ObjectNode activity(ActivityRecord a) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("action", actionShort(a.action));
    node.put("operation_type", a.operationType);
    node.put("description", a.description);
    node.put("activity_date", Json.timestamp(a.activityDate));
    node.set("customer", shortCustomer(a.customer));
    putMoney(node, a);
    node.put("created_at", Json.timestamp(a.createdAt));
    node.put("updated_at", Json.timestamp(a.createdAt));
    node.put("slug", a.slug);
    return node;
  }

  /** {@code ActivityShort}: an activity in a customer's own list. */
  static ObjectNode activityShort(ActivityRecord a) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("action", actionShort(a.action));
    node.put("operation_type", a.operationType);
    node.put("description", a.description);
    node.set("currency", a.currency == null ? null : currency(a.currency));
    node.put("monetary_value", a.monetaryValue == null ? null : a.monetaryValue.toPlainString());
    node.put("activity_date", Json.timestamp(a.activityDate));
    node.put("created_at", Json.timestamp(a.createdAt));
    node.put("updated_at", Json.timestamp(a.createdAt));
    node.put("slug", a.slug);
    return node;
  }

  /** Monetary fields appear on a full activity only when it has them (the reference omits them). */
  private static void putMoney(ObjectNode node, ActivityRecord a) {
    if (a.monetaryValue != null) {
      node.put("monetary_value", a.monetaryValue.toPlainString());
    }
    if (a.currency != null) {
      node.set("currency", currency(a.currency));
    }
  }

  static ObjectNode actionShort(ActionTypeRecord t) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("title", t.title);
    node.put("description", t.description);
    node.put("slug", t.slug);
    return node;
  }

  static ObjectNode actionType(ActionTypeRecord t) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("title", t.title);
    node.put("description", t.description);
    if (t.owned) {
      node.putNull("integration");
    } else {
      ObjectNode integration = node.putObject("integration");
      integration.put("title", "Formaloo");
      integration.put("description", "Action types every business has.");
      integration.put("slug", "formaloo");
      integration.put("website", "https://www.formaloo.com");
    }
    node.putArray("tags");
    node.put("slug", t.slug);
    node.put("is_owned", t.owned);
    node.put("created_at", Json.timestamp(t.createdAt));
    node.put("updated_at", Json.timestamp(t.updatedAt));
    node.put("default_operation_type", t.defaultOperationType);
    node.set(
        "activity_text_template",
        t.activityTextTemplate == null
            ? Json.MAPPER.createObjectNode()
            : t.activityTextTemplate.deepCopy());
    node.put("action_score", t.actionScore);
    node.set("group", t.group == null ? null : actionTypeGroup(t.group));
    return node;
  }

  static ObjectNode actionTypeGroup(ActionTypeGroupRecord g) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("title", g.title);
    node.put("description", g.description);
    node.set("default_text_template", g.defaultTextTemplate.deepCopy());
    node.put("slug", g.slug);
    return node;
  }

  static ObjectNode tag(TagRecord t) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("title", t.title);
    node.put("description", t.description);
    node.put("slug", t.slug);
    return node;
  }

  static ObjectNode currency(CurrencyRecord c) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("title", c.title);
    node.put("iso_code", c.isoCode);
    return node;
  }

  static ObjectNode batchJob(BatchJob job) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("status", job.status.wire);
    node.putNull("file");
    node.set("customers_data", job.customersData);
    node.put("file_type", "json");
    node.put("slug", job.slug);
    node.put("created_at", Json.timestamp(job.createdAt));
    node.put("imported_at", Json.timestamp(job.importedAt));
    ObjectNode results = job.importResults;
    node.set("import_results", results == null ? Json.MAPPER.createObjectNode() : results);
    return node;
  }
}
