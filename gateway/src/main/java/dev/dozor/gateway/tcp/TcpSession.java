package dev.dozor.gateway.tcp;

import io.vertx.core.buffer.Buffer;

/**
 * The protocol side of one TCP connection (an EGTS or Wialon IPS conversation). Created by a {@link
 * TcpSessionFactory} per accepted connection; every call comes on that connection's Vert.x
 * event-loop thread, one at a time, so a session needs no locks — and must never block: slow work
 * (Kafka) goes through {@code FixIngestService}, whose answer is queued with {@link
 * TcpConnection#reply}.
 *
 * <p>An exception thrown from a callback closes this connection only: a {@link
 * TcpProtocolException} is counted as malformed and logged in one line, anything else is logged
 * with its stack trace; the device id (see {@link TcpConnection#identify}), the connection id and
 * the remote address are named.
 */
public interface TcpSession {

  /**
   * Bytes as they arrived; frame boundaries are not preserved (use a {@link FrameBuffer}). The
   * buffer is only valid during the call.
   */
  void onBytes(Buffer data) throws Exception;

  /** The connection is closed (by either side); answers still pending are dropped. */
  default void onClose() {}
}
