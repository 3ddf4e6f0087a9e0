package dev.dozor.gateway.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * How one protocol's TCP server listens and protects itself; each protocol's {@code @ConfigMapping}
 * ({@code dozor.gateway.egts.*}, {@code dozor.gateway.wialon.*}) produces one.
 *
 * @param enabled whether the server listens at all
 * @param port TCP port; 0 picks a free one (tests)
 * @param maxFrameBytes most bytes a session may buffer without finding a complete frame
 * @param idleTimeout a connection that sent nothing for this long is closed; zero disables
 * @param maxConnectionsPerIp more simultaneous connections from one IP are closed at once
 * @param maxUnackedRecords reading pauses while this many records await their answer
 */
public record TcpServerSettings(
    boolean enabled,
    int port,
    int maxFrameBytes,
    Duration idleTimeout,
    int maxConnectionsPerIp,
    int maxUnackedRecords) {

  public TcpServerSettings {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (maxFrameBytes < 1 || maxConnectionsPerIp < 1 || maxUnackedRecords < 1) {
      throw new IllegalArgumentException(
          "max-frame-bytes, max-connections-per-ip and max-unacked-records must be positive");
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idle-timeout must not be negative");
    }
  }
}
