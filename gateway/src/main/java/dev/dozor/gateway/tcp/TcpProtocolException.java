package dev.dozor.gateway.tcp;

/**
 * A frame the session cannot accept (bad length, checksum, syntax). Thrown from {@link
 * TcpSession#onBytes}, it is counted as malformed, logged in one line without a stack trace, and
 * closes the connection once the answers queued before it are written.
 */
public class TcpProtocolException extends RuntimeException {
  public TcpProtocolException(String message) {
    super(message);
  }
}
