package io.formaloo.beam.pipelines;

import io.formaloo.beam.io.model.ActionType;
import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.Currency;
import io.formaloo.beam.io.model.Customer;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.io.model.Tag;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * What makes a record the same record when it is read twice: a customer's code, an activity's, a
 * tag's or an action type's slug, a currency's ISO code. A record without one is itself.
 *
 * @param <T> the model class
 */
final class RecordIdentity<T> implements SerializableFunction<T, String> {
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
    } else if (record instanceof Currency) {
      key = ((Currency) record).getIsoCode();
    }
    return key != null ? key : "json:" + ModelJson.toJson(record);
  }
}
