package io.formaloo.beam.io.internal.read;

import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.ActionTypeGroup;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Business;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Tag;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * The identity of a record, for removing the duplicates that page shifting causes: a customer's
 * code, an activity's or a tag's slug, a currency's ISO code. A record without its identity (the
 * API always sends it) is keyed by its whole JSON, so it is never merged with another. It is
 * internal: public only so that {@code FormalooIO} can reach it.
 */
public final class RecordKeys<T> implements SerializableFunction<T, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String apply(T record) {
    String key = null;
    if (record instanceof Customer) {
      key = ((Customer) record).getCode();
    } else if (record instanceof Activity) {
      key = ((Activity) record).getSlug();
    } else if (record instanceof Tag) {
      key = ((Tag) record).getSlug();
    } else if (record instanceof ActionType) {
      key = ((ActionType) record).getSlug();
    } else if (record instanceof ActionTypeGroup) {
      key = ((ActionTypeGroup) record).getSlug();
    } else if (record instanceof Currency) {
      key = ((Currency) record).getIsoCode();
    } else if (record instanceof Business) {
      key = ((Business) record).getSlug();
    }
    return key != null ? key : "json:" + ModelJson.toJson(record);
  }
}
