package io.formaloo.beam.io.read;

import io.formaloo.beam.io.client.FormalooConfig;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The read's data flow, for any list: {@code queries → plan (page 1) → chunks of the remaining
 * pages → reshuffle → splittable page reads → (deduplicate)}. Built by {@code FormalooIO}'s reads;
 * use those rather than this.
 *
 * @param <T> the records of the lists
 */
public final class ReadListPages<T> extends PTransform<PCollection<ListQuery<T>>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final FormalooConfig config;
  private final Class<T> recordClass;
  private final ReadOptions options;

  /**
   * This read's client in each JVM, shared by its plan and its page reads: see {@link ReadClients}.
   */
  private final String clientKey = ReadClients.newKey();

  public ReadListPages(FormalooConfig config, Class<T> recordClass, ReadOptions options) {
    this.config = config;
    this.recordClass = recordClass;
    this.options = options;
  }

  @Override
  public PCollection<T> expand(PCollection<ListQuery<T>> queries) {
    Coder<T> recordCoder = recordCoder(queries);
    TupleTag<T> firstPages = new TupleTag<T>() {};
    TupleTag<QueryPlan<T>> plans = new TupleTag<QueryPlan<T>>() {};
    PCollectionTuple planned =
        queries.apply(
            "Plan from page 1",
            ParDo.of(new PlanQueryFn<>(clientKey, config, options.pageSize(), firstPages, plans))
                .withOutputTags(firstPages, TupleTagList.of(plans)));
    planned.get(firstPages).setCoder(recordCoder);
    planned.get(plans).setCoder(planCoder());

    PCollection<T> otherPages =
        planned
            .get(plans)
            .apply("Chunk pages", ParDo.of(new ChunkPlanFn<T>(options.pagesPerChunk())))
            .setCoder(chunkCoder())
            .apply("Spread chunks", Reshuffle.viaRandomKey())
            .apply(
                "Read pages",
                ParDo.of(
                    new ReadPagesFn<T>(clientKey, config, options.maxConcurrentPageRequests())))
            .setCoder(ListCoder.of(recordCoder))
            .apply("Records of pages", Flatten.iterables())
            .setCoder(recordCoder);

    PCollection<T> all =
        PCollectionList.of(planned.get(firstPages))
            .and(otherPages)
            .apply("All pages", Flatten.pCollections())
            .setCoder(recordCoder);
    if (!options.deduplicate()) {
      return all;
    }
    return all.apply(
            "Deduplicate",
            Distinct.<T, String>withRepresentativeValueFn(new RecordKeys<T>())
                .withRepresentativeType(TypeDescriptors.strings()))
        .setCoder(recordCoder);
  }

  private Coder<T> recordCoder(PCollection<?> input) {
    try {
      return input.getPipeline().getSchemaRegistry().getSchemaCoder(recordClass);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(recordClass.getName() + " has no Beam schema", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Coder<QueryPlan<T>> planCoder() {
    return (Coder) SerializableCoder.of(QueryPlan.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Coder<PageChunk<T>> chunkCoder() {
    return (Coder) SerializableCoder.of(PageChunk.class);
  }
}
