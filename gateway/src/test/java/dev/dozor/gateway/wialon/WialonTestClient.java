package dev.dozor.gateway.wialon;

import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A tracker on a real socket: sends lines, reads answer lines. */
final class WialonTestClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 30_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  WialonTestClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends a line as it is (the caller includes the line end). */
  void send(String line) throws IOException {
    send(WialonDeviceEncoder.toBytes(line));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next answer line without its line end; null when the server closed the connection. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          String text = line.toString(StandardCharsets.US_ASCII);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        line.write(b);
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no answer within " + READ_TIMEOUT_MS + " ms, got: " + line, e);
    } catch (SocketException e) {
      return null; // reset by the server: closed
    }
    return null;
  }

  /** Sends a line and reads one answer. */
  String call(String line) throws IOException {
    send(line);
    return readLine();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
