package dev.dozor.simulator.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends ground truth as JSON Lines, one {@link GroundTruthEntry} per line, flushed per entry so a
 * reader sees every fault as soon as its episode completes.
 */
public final class GroundTruthWriter implements GroundTruthListener, Closeable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Writer out;

  public GroundTruthWriter(Writer out) {
    this.out = out;
  }

  /** Appends to {@code file} (created when missing). */
  public static GroundTruthWriter appendingTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new GroundTruthWriter(
        new BufferedWriter(
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)));
  }

  /** The JSON line of {@code entry} (without the newline). */
  public static String toJsonLine(GroundTruthEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one line written by this class. */
  public static GroundTruthEntry parseLine(String line) {
    try {
      return MAPPER.readValue(line, GroundTruthEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a ground-truth line: " + line, e);
    }
  }

  @Override
  public synchronized void onFault(GroundTruthEntry entry) {
    try {
      out.write(toJsonLine(entry));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ground truth: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
