package dev.dozor.gateway.tcp;

/**
 * One TCP protocol, as a CDI bean: {@link TcpServers} starts a server for every factory whose
 * {@link #settings()} are enabled.
 */
public interface TcpSessionFactory {

  /** Protocol name for logs, counters and connection ids, e.g. {@code egts}, {@code wialon-ips}. */
  String protocol();

  /** Port and limits, usually from the protocol's {@code @ConfigMapping}. */
  TcpServerSettings settings();

  /** A session for a newly accepted connection (called on its event-loop thread). */
  TcpSession open(TcpConnection connection);
}
