package io.formaloo.beam.pipelines.files;

import io.formaloo.beam.io.model.Activity;
import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import io.formaloo.beam.pipelines.records.RecordToAvroFn;
import java.time.ZoneOffset;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Writes model records as files of one {@link OutputFormat} into a folder: {@code
 * part-00000-of-00004.jsonl} and so on, as many as the runner chooses.
 *
 * @param <T> the model class
 */
public final class WriteRecordFiles<T> extends PTransform<PCollection<T>, WriteFilesResult<Void>> {
  private static final long serialVersionUID = 1L;

  /** The prefix of every file export writes, so that a new export can clear an old one's. */
  public static final String PREFIX = "part";

  private final Class<T> type;
  private final OutputFormat format;
  private final String folder;
  private final int shards;

  /** Files of {@code format} in {@code folder}: {@code shards} of them, or 0 for the runner's. */
  public WriteRecordFiles(Class<T> type, OutputFormat format, ResourceId folder, int shards) {
    this.type = type;
    this.format = format;
    this.folder = folder.toString();
    this.shards = shards;
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<T> records) {
    return records.apply(
        inFormat(type, format, FileIO.<T>write())
            .to(folder)
            .withPrefix(PREFIX)
            .withSuffix(format.suffix())
            .withNumShards(shards));
  }

  /**
   * Activities in one sub-folder per day of {@code created_at}, {@code created_date=YYYY-MM-DD/},
   * one file each ({@code part-00000-of-00001}), so that a warehouse loads them night by night and
   * an incremental export rewrites only the days it read.
   */
  public static PTransform<PCollection<Activity>, WriteFilesResult<String>> byCreatedDay(
      OutputFormat format, ResourceId folder) {
    String root = folder.toString();
    return new PTransform<>() {
      @Override
      public WriteFilesResult<String> expand(PCollection<Activity> activities) {
        SerializableFunction<Activity, String> day = WriteRecordFiles::createdDay;
        return activities.apply(
            inFormat(Activity.class, format, FileIO.<String, Activity>writeDynamic())
                .by(day)
                .withDestinationCoder(StringUtf8Coder.of())
                .to(root)
                .withNaming(
                    d ->
                        FileIO.Write.defaultNaming(
                            DAY_PARTITION + d + "/" + PREFIX, format.suffix()))
                .withNumShards(1));
      }
    };
  }

  /** The prefix of a day's folder: {@code created_date=2026-11-27}. */
  public static final String DAY_PARTITION = "created_date=";

  static String createdDay(Activity activity) {
    Instant created = activity.getCreatedAt();
    return created == null
        ? "unknown"
        : java.time.Instant.ofEpochMilli(created.getMillis())
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .toString();
  }

  /** {@code write} with the sink of {@code format}: the API's JSON, or Avro/Parquet records. */
  private static <D, R> FileIO.Write<D, R> inFormat(
      Class<R> type, OutputFormat format, FileIO.Write<D, R> write) {
    if (format == OutputFormat.JSONL) {
      SerializableFunction<R, String> json = ModelJson::toJson;
      return write.via(Contextful.fn(json), TextIO.sink());
    }
    org.apache.avro.Schema avro = RecordSchemas.avro(type);
    RecordToAvroFn<R> toAvro =
        new RecordToAvroFn<>(
            RecordSchemas.coder(type).getToRowFunction(), RecordSchemas.api(type), avro);
    FileIO.Sink<GenericRecord> sink =
        format == OutputFormat.AVRO ? AvroIO.<GenericRecord>sink(avro) : new ParquetSink(avro);
    return write.via(Contextful.fn(toAvro), sink);
  }
}
