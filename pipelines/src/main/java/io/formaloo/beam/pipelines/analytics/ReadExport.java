package io.formaloo.beam.pipelines.analytics;

import io.formaloo.beam.pipelines.cli.InvalidOptionException;
import io.formaloo.beam.pipelines.files.Locations;
import io.formaloo.beam.pipelines.files.OutputFormat;
import io.formaloo.beam.pipelines.files.ParseJsonLineFn;
import io.formaloo.beam.pipelines.files.ReadParquetFn;
import io.formaloo.beam.pipelines.files.WriteRecordFiles;
import io.formaloo.beam.pipelines.metrics.CountFn;
import io.formaloo.beam.pipelines.metrics.PipelineCounters;
import io.formaloo.beam.pipelines.records.ApiRecordFn;
import io.formaloo.beam.pipelines.records.Entity;
import io.formaloo.beam.pipelines.records.RecordSchemas;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads one entity of an export back as model records, whatever format the export was written in:
 * JSON Lines, Avro or Parquet, told by the files' names.
 *
 * @param <T> the model class
 */
final class ReadExport<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final String glob;
  private final OutputFormat format;

  private ReadExport(Class<T> type, String glob, OutputFormat format) {
    this.type = type;
    this.glob = glob;
    this.format = format;
  }

  /**
   * Reads {@code entity}'s files under an export's folder.
   *
   * @throws InvalidOptionException naming {@code --inputDir} if there are none, or of several
   *     formats
   */
  static <T> ReadExport<T> of(Class<T> type, ResourceId exportFolder, Entity entity) {
    ResourceId folder = Locations.folder(exportFolder, entity.folder());
    String glob = Locations.file(folder, WriteRecordFiles.PREFIX + "-*").toString();
    List<MatchResult.Metadata> files;
    try {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      files = match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
    } catch (IOException e) {
      throw new InvalidOptionException(
          "--inputDir: cannot list " + folder + ": " + e.getMessage(), e);
    }
    Set<OutputFormat> formats =
        files.stream()
            .map(f -> OutputFormat.ofFile(f.resourceId().getFilename()))
            .filter(f -> f != null)
            .collect(Collectors.toSet());
    if (formats.isEmpty()) {
      throw new InvalidOptionException(
          "--inputDir="
              + exportFolder
              + " has no "
              + entity.folder()
              + " export: no part-*.jsonl, .avro or .parquet files in "
              + folder);
    }
    if (formats.size() > 1) {
      throw new InvalidOptionException(
          "--inputDir: "
              + folder
              + " holds exports of several formats "
              + formats
              + "; export again into an empty folder");
    }
    OutputFormat format = formats.iterator().next();
    return new ReadExport<>(
        type,
        Locations.file(folder, WriteRecordFiles.PREFIX + "-*" + format.suffix()).toString(),
        format);
  }

  @Override
  public PCollection<T> expand(PBegin begin) {
    switch (format) {
      case JSONL:
        return begin
            .apply("Read lines", TextIO.read().from(glob))
            .apply("Parse lines", ParDo.of(new ParseJsonLineFn<>(type)))
            .setCoder(RecordSchemas.coder(type));
      case AVRO:
        return begin
            .apply("Find files", FileIO.match().filepattern(glob))
            .apply("Open files", FileIO.readMatches())
            .apply(
                "Read Avro",
                AvroIO.parseFilesGenericRecords(new ApiRecordFn<>(type))
                    .withCoder(RecordSchemas.coder(type)))
            .apply("Count", ParDo.of(new CountFn<T>(PipelineCounters.RECORDS_READ)))
            .setCoder(RecordSchemas.coder(type));
      default:
        return begin
            .apply("Find files", FileIO.match().filepattern(glob))
            .apply("Open files", FileIO.readMatches())
            .apply("Read Parquet", ParDo.of(new ReadParquetFn<>(new ApiRecordFn<>(type))))
            .setCoder(RecordSchemas.coder(type))
            .apply("Count", ParDo.of(new CountFn<T>(PipelineCounters.RECORDS_READ)))
            .setCoder(RecordSchemas.coder(type));
    }
  }
}
