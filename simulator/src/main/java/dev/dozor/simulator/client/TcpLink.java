package dev.dozor.simulator.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One device's TCP connection to the gateway, with a connect timeout and reads bounded by a
 * deadline, so a silent gateway never blocks a sender thread for longer than the caller allows.
 */
public final class TcpLink implements AutoCloseable {
  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public TcpLink(String host, int port, Duration connectTimeout) {
    this.host = host;
    this.port = port;
    this.connectTimeout = connectTimeout;
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  public boolean isOpen() {
    return socket != null;
  }

  /** Connects (closing a previous connection first). */
  public void open() throws IOException {
    close();
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      in = s.getInputStream();
      out = s.getOutputStream();
      socket = s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /** Writes and flushes {@code bytes}. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Reads at least one byte into {@code buffer} from {@code offset}, waiting until {@code
   * deadlineNanos} ({@link System#nanoTime()}) at most.
   *
   * @return the number of bytes read, at least 1
   * @throws SocketTimeoutException when the deadline passes
   * @throws EOFException when the gateway closed the connection
   */
  public int read(byte[] buffer, int offset, int length, long deadlineNanos) throws IOException {
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw new SocketTimeoutException("no answer from " + address() + " in time");
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no answer from " + address() + " in time");
    }
    if (n < 0) {
      throw new EOFException("the gateway " + address() + " closed the connection");
    }
    return n;
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** A short description of a connection failure for the progress messages. */
  public static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused (is it running?)";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
