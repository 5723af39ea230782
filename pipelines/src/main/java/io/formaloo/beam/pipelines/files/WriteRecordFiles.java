package io.formaloo.beam.pipelines.files;

import io.formaloo.beam.io.model.ModelJson;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import io.formaloo.beam.pipelines.records.RecordToAvroFn;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

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
    FileIO.Write<Void, T> write;
    if (format == OutputFormat.JSONL) {
      SerializableFunction<T, String> json = ModelJson::toJson;
      write = FileIO.<T>write().via(Contextful.fn(json), TextIO.sink());
    } else {
      org.apache.avro.Schema avro = RecordSchemas.avro(type);
      RecordToAvroFn<T> toAvro =
          new RecordToAvroFn<>(
              RecordSchemas.coder(type).getToRowFunction(), RecordSchemas.api(type), avro);
      FileIO.Sink<GenericRecord> sink =
          format == OutputFormat.AVRO ? AvroIO.<GenericRecord>sink(avro) : new ParquetSink(avro);
      write = FileIO.<T>write().via(Contextful.fn(toAvro), sink);
    }
    return records.apply(
        write.to(folder).withPrefix(PREFIX).withSuffix(format.suffix()).withNumShards(shards));
  }
}
