package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One streaming {@code COPY … FROM STDIN} on its own connection: rows are appended to a buffer and
 * sent in ~1 MB chunks, so tens of millions of rows never sit in memory. {@link #finish} ends the
 * COPY and commits.
 */
final class CopyStream implements AutoCloseable {
  private static final int CHUNK = 1 << 20;

  private final Connection connection;
  private final String what;
  private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
  private CopyIn copy;
  private long rows;

  CopyStream(Connection connection, String sql, String what) {
    this.connection = connection;
    this.what = what;
    try {
      connection.setAutoCommit(false);
      copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    } catch (SQLException e) {
      throw new BenchException("cannot start the COPY of " + what + ": " + e.getMessage(), e);
    }
  }

  /** The buffer to append one complete row to; call {@link #rowAdded} after each row. */
  StringBuilder buffer() {
    return buffer;
  }

  void rowAdded() {
    rows++;
    if (buffer.length() >= CHUNK) {
      flush();
    }
  }

  long rows() {
    return rows;
  }

  private void flush() {
    if (buffer.length() == 0) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    buffer.setLength(0);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new BenchException("the COPY of " + what + " failed: " + e.getMessage(), e);
    }
  }

  /** Ends the COPY and commits; returns the rows PostgreSQL reports copied. */
  long finish() {
    flush();
    try {
      long copied = copy.endCopy();
      copy = null;
      connection.commit();
      return copied;
    } catch (SQLException e) {
      throw new BenchException("the COPY of " + what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
      connection.rollback();
    } catch (SQLException e) {
      // already failed: the caller reports the first error
    }
  }
}
