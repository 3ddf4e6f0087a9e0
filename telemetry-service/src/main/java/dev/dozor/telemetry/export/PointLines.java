package dev.dozor.telemetry.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes telemetry points as NDJSON: each one in the contract's JSON form ({@link JsonSerde}, the
 * form of the Kafka topic), one per line, each line ending with {@code \n}. One generator for the
 * whole stream, so nothing is allocated per point beyond Jackson's own work; closing flushes but
 * leaves the target stream open.
 */
final class PointLines implements AutoCloseable {
  private static final ObjectWriter WRITER =
      JsonSerde.mapper()
          .writerFor(TelemetryPoint.class)
          .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final JsonGenerator generator;

  PointLines(OutputStream out) throws IOException {
    generator = JsonSerde.mapper().getFactory().createGenerator(out);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // the line break is the separator; Jackson's default between root values is a space
    generator.setRootValueSeparator(null);
  }

  void write(TelemetryPoint point) throws IOException {
    WRITER.writeValue(generator, point);
    generator.writeRaw('\n');
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
