package io.formaloo.beam.pipelines.files;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes Avro records as a Parquet file (Snappy-compressed), for {@code FileIO.write()}.
 *
 * <p>Beam's ParquetIO would do this, but it has no release for the Beam this project is built on;
 * this is the part of it export needs. It uses Parquet's Hadoop-free configuration and file API,
 * and names the Avro data model so that Parquet does not build a Hadoop configuration to find one.
 */
final class ParquetSink implements FileIO.Sink<GenericRecord> {
  private static final long serialVersionUID = 1L;

  /** Avro's {@code Schema} is not serializable in every version Beam supports: keep its JSON. */
  private final String schemaJson;

  private transient ParquetWriter<GenericRecord> writer;

  ParquetSink(Schema schema) {
    this.schemaJson = schema.toString();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer =
        AvroParquetWriter.<GenericRecord>builder(new ChannelOutputFile(channel))
            .withSchema(new Schema.Parser().parse(schemaJson))
            .withDataModel(GenericData.get())
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build();
  }

  @Override
  public void write(GenericRecord element) throws IOException {
    writer.write(element);
  }

  @Override
  public void flush() throws IOException {
    // Closing writes the footer, without which the file is not Parquet.
    writer.close();
  }
}
