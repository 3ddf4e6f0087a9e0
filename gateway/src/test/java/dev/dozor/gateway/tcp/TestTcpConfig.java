package dev.dozor.gateway.tcp;

import java.time.Duration;

/**
 * The settings part of a protocol's config for tests: a free port and small limits. A test config
 * extends this and implements the protocol's config interface ({@code EgtsConfig}, …).
 */
public abstract class TestTcpConfig {
  private final TcpServerSettings s = TcpServerWithoutKafka.testSettings();

  public boolean enabled() {
    return s.enabled();
  }

  public int port() {
    return s.port();
  }

  public int maxFrameBytes() {
    return s.maxFrameBytes();
  }

  public Duration idleTimeout() {
    return s.idleTimeout();
  }

  public int maxConnectionsPerIp() {
    return s.maxConnectionsPerIp();
  }

  public int maxUnackedRecords() {
    return s.maxUnackedRecords();
  }
}
