package io.formaloo.beam.pipelines.files;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads the records of a Parquet file that export wrote, one file at a time (see {@link
 * ParquetSink} for why not Beam's ParquetIO).
 *
 * @param <T> the model class
 */
public final class ReadParquetFn<T> extends DoFn<FileIO.ReadableFile, T> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<GenericRecord, T> parse;

  public ReadParquetFn(SerializableFunction<GenericRecord, T> parse) {
    this.parse = parse;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, OutputReceiver<T> out) throws IOException {
    try (SeekableByteChannel channel = file.openSeekable();
        ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(
                    new ChannelInputFile(channel), new PlainParquetConfiguration())
                .withDataModel(GenericData.get())
                .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        out.output(parse.apply(record));
      }
    }
  }
}
