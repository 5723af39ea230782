package io.formaloo.beam.io.internal;

import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.ListEndpoint;
import java.util.List;
import org.apache.beam.sdk.metrics.Lineage;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The names under which reads and writes report their sources and sinks to Beam's {@link Lineage}:
 * {@code formaloo:BUSINESS.ENTITY}, e.g. {@code formaloo:acme.customers} — stable per business and
 * entity, whatever the base URL, the filters or the credentials. A config without a business (the
 * token's own) reports {@value #TOKEN_BUSINESS}.
 */
public final class FormalooLineage {
  /** The lineage system: the first part of every name. */
  public static final String SYSTEM = "formaloo";

  /** The business segment of a config that names none: the access token's own business. */
  public static final String TOKEN_BUSINESS = "token_business";

  private FormalooLineage() {}

  /** A read of {@code endpoint}'s records reports its source (call in a step: it is a metric). */
  public static void reportSource(FormalooConfig config, ListEndpoint<?> endpoint) {
    Lineage.getSources().add(SYSTEM, segments(config.business(), endpoint.listKey()));
  }

  /**
   * A write of {@code entity} ({@code customers}, {@code activities}) to {@code business} (null:
   * the token's) reports its sink.
   */
  public static void reportSink(@Nullable String business, String entity) {
    Lineage.getSinks().add(SYSTEM, segments(business, entity));
  }

  /** The name's segments after the system: the business, then the entity. */
  static List<String> segments(@Nullable String business, String entity) {
    return List.of(business == null || business.isBlank() ? TOKEN_BUSINESS : business, entity);
  }
}
